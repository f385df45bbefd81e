import "./zod-config";
import { z } from "zod";
import type { DocNode } from "@/lib/document/types";
import { articleStatusSchema } from "./enums";

// Article import and library shapes, shared by the new-article page, the API routes and the
// OpenAPI document. The pure importer (lib/importing) does not depend on these.

export const ARTICLE_LIMITS = {
  title: 500,
  byline: 300,
  sourceUrl: 2_000,
  language: 35,
  siteName: 200,
  /** JSON text fields (text/html/markdown): the byte cap is IMPORT_MAX_BYTES, checked by the importer. */
  restore: 10_000,
} as const;

const optionalText = (field: string, max: number) =>
  z
    .string()
    .max(max, `${field} is too long: keep it under ${max.toLocaleString("en-US")} characters.`)
    .transform((s) => s.replace(/\s+/g, " ").trim())
    .optional()
    .nullable();

/** Metadata the editor may set or correct before saving (all optional: the importer's values stand otherwise). */
export const articleMetadataInputSchema = z.strictObject({
  title: optionalText("The title", ARTICLE_LIMITS.title),
  byline: optionalText("The byline", ARTICLE_LIMITS.byline),
  sourceUrl: z
    .string()
    .max(ARTICLE_LIMITS.sourceUrl, "The source URL is too long.")
    .refine((s) => s.trim() === "" || /^https?:\/\/[^\s]+$/i.test(s.trim()), "The source URL must start with http:// or https://.")
    .optional()
    .nullable(),
  publishedAt: z
    .string()
    .refine((s) => s.trim() === "" || !Number.isNaN(new Date(s).getTime()), "The published date must be a date like 2021-12-30.")
    .optional()
    .nullable(),
  language: z
    .string()
    .refine((s) => s.trim() === "" || /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(s.trim()), "The language must be a language code like en or en-US.")
    .optional()
    .nullable(),
});
export type ArticleMetadataInput = z.infer<typeof articleMetadataInputSchema>;

const CONTENT_KEYS = ["text", "html", "markdown", "url"] as const;

/** POST /api/v1/articles and the preview endpoint, JSON body: exactly one content key. */
export const createArticleJsonSchema = articleMetadataInputSchema
  .extend({
    text: z.string().optional(),
    html: z.string().optional(),
    markdown: z.string().optional(),
    url: z.string().max(ARTICLE_LIMITS.sourceUrl, "The URL is too long.").optional(),
    /** Workspace id or slug; default the caller's first workspace. */
    workspace: z.string().max(200).optional(),
    /** Indexes of removed blocks (from the preview's removedBlocks) to keep after all. */
    restore: z.array(z.number().int().min(0)).max(ARTICLE_LIMITS.restore).optional(),
  })
  .superRefine((body, ctx) => {
    const given = CONTENT_KEYS.filter((k) => body[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message:
          given.length === 0
            ? 'Give the article as exactly one of "text", "html", "markdown" or "url" (or upload a file as multipart/form-data).'
            : `Give exactly one of "text", "html", "markdown" or "url", not ${given.map((k) => `"${k}"`).join(" and ")}.`,
        path: [],
      });
    }
  });
export type CreateArticleJson = z.infer<typeof createArticleJsonSchema>;

export const listArticlesQuerySchema = z.strictObject({
  q: z.string().max(200).optional(),
  status: articleStatusSchema.optional(),
  sort: z.enum(["newest", "oldest", "title", "published", "updated"]).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
  workspace: z.string().max(200).optional(),
});
export type ListArticlesQuery = z.infer<typeof listArticlesQuerySchema>;
export type ArticleSort = NonNullable<ListArticlesQuery["sort"]>;

export const removedBlockSchema = z.object({ index: z.number().int(), text: z.string(), reason: z.string() });

export const articleMetadataSchema = z.object({
  title: z.string().nullable(),
  byline: z.string().nullable(),
  authors: z.array(z.string()).optional().describe("Author names; the byline is their display form"),
  siteName: z.string().nullable(),
  publishedAt: z.string().nullable().describe("ISO 8601"),
  language: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  canonicalUrl: z.string().nullable().optional().describe("The page's rel=canonical address"),
  excerpt: z.string().nullable(),
});

const docSchema = z.object({ type: z.literal("doc"), content: z.array(z.record(z.string(), z.unknown())) }).describe("Tiptap/ProseMirror JSON (lib/document schema)");
const importKindSchema = z.enum(["text", "html", "markdown", "docx", "url"]);

export const articlePreviewSchema = z.object({
  importKind: importKindSchema,
  metadata: articleMetadataSchema,
  document: docSchema,
  canonicalText: z.string(),
  removedBlocks: z.array(removedBlockSchema),
  warnings: z.array(z.string()).describe("What to check before saving, e.g. that the page is not an article"),
  wordCount: z.number().int(),
});
export type ArticlePreview = Omit<z.infer<typeof articlePreviewSchema>, "document"> & { document: DocNode };

export const articleSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  slug: z.string(),
  title: z.string(),
  status: articleStatusSchema,
  importKind: importKindSchema,
  metadata: articleMetadataSchema,
  document: docSchema,
  canonicalText: z.string(),
  contentHash: z.string(),
  removedBlocks: z.array(removedBlockSchema),
  claimCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ApiArticle = Omit<z.infer<typeof articleSchema>, "document"> & { document: DocNode };

export const articleListItemSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
  status: articleStatusSchema,
  importKind: importKindSchema,
  claimCount: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ArticleListItem = z.infer<typeof articleListItemSchema>;

export const articleListSchema = z.object({
  items: z.array(articleListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ArticleList = z.infer<typeof articleListSchema>;
