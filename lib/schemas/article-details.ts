import "./zod-config";
import { z } from "zod";
import { ARTICLE_LIMITS } from "./article";

// An article's details after import (title, byline, original publication date, source URL,
// language, visibility): one schema for the article page's form and PATCH /api/v1/articles/:id.

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
const optionalLine = (field: string, max: number) =>
  z
    .string()
    .max(max, `${field} is too long: keep it under ${max.toLocaleString("en-US")} characters.`)
    .transform(oneLine)
    .transform((s) => s || null)
    .nullable();

export const articleDetailsSchema = z.strictObject({
  title: z
    .string()
    .transform(oneLine)
    .pipe(z.string().min(1, "The title can't be empty.").max(ARTICLE_LIMITS.title, `The title is too long: keep it under ${ARTICLE_LIMITS.title} characters.`)),
  byline: optionalLine("The byline", ARTICLE_LIMITS.byline),
  publishedOn: z
    .string()
    .trim()
    .refine((s) => s === "" || (/^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)), "The publication date must be a day like 2021-12-30.")
    .transform((s) => s || null)
    .nullable()
    .describe("The story's original publication day (YYYY-MM-DD), or null"),
  sourceUrl: z
    .string()
    .trim()
    .max(ARTICLE_LIMITS.sourceUrl, "The source URL is too long.")
    .refine((s) => {
      if (s === "") return true;
      try {
        const u = new URL(s);
        return u.protocol === "http:" || u.protocol === "https:";
      } catch {
        return false;
      }
    }, "The source URL must be a web address starting with http:// or https://.")
    .transform((s) => s || null)
    .nullable(),
  language: z
    .string()
    .trim()
    .refine((s) => s === "" || /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(s), "The language must be a language code like en or pt-BR.")
    .transform((s) => s || null)
    .nullable(),
  visibility: z.enum(["PUBLIC", "MEMBERS"], { error: "Visibility is PUBLIC (anyone with the link) or MEMBERS (workspace members)." }),
});
export type ArticleDetailsInput = z.input<typeof articleDetailsSchema>;
export type ArticleDetails = z.output<typeof articleDetailsSchema>;

/** PATCH body: any of the details, with the version they were based on. */
export const updateArticleDetailsSchema = articleDetailsSchema.partial().extend({
  version: z.number({ error: "version is required: send the version of the article you edited." }).int().min(1),
});
export type UpdateArticleDetailsInput = z.input<typeof updateArticleDetailsSchema>;

export interface ApiArticleDetails {
  id: string;
  version: number;
  title: string;
  byline: string | null;
  /** YYYY-MM-DD. */
  publishedOn: string | null;
  sourceUrl: string | null;
  language: string | null;
  visibility: "PUBLIC" | "MEMBERS";
  updatedAt: string;
}
