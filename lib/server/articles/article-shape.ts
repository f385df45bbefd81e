import "server-only";
import type { DocNode } from "@/lib/document/types";
import type { ImportKind, RemovedBlock } from "@/lib/importing";
import type { ApiArticle } from "@/lib/schemas/article";
import type { ArticleStatus } from "@/lib/schemas/enums";
import { slugify } from "@/lib/slugify";

export interface ArticleRow {
  id: string;
  workspaceId: string;
  slug: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  sourceUrl: string | null;
  /** Selected where the full metadata is shown. */
  canonicalUrl?: string | null;
  authors?: string;
  publishedAt: Date | null;
  language: string | null;
  excerpt: string | null;
  document: string;
  canonicalText: string;
  contentHash: string;
  removedBlocks: string;
  importKind: string;
  status: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function toApiArticle(row: ArticleRow, claimCount: number): ApiArticle {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    slug: row.slug,
    title: row.title,
    status: row.status as ArticleStatus,
    importKind: row.importKind as ImportKind,
    metadata: {
      title: row.title,
      byline: row.byline,
      siteName: row.siteName,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      language: row.language,
      sourceUrl: row.sourceUrl,
      ...(row.canonicalUrl !== undefined ? { canonicalUrl: row.canonicalUrl } : {}),
      ...(row.authors !== undefined ? { authors: JSON.parse(row.authors) as string[] } : {}),
      excerpt: row.excerpt,
    },
    document: JSON.parse(row.document) as DocNode,
    canonicalText: row.canonicalText,
    contentHash: row.contentHash,
    removedBlocks: JSON.parse(row.removedBlocks) as RemovedBlock[],
    claimCount,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** URL-safe slug from a title (at most 60 characters). */
export function slugifyTitle(title: string): string {
  return slugify(title, "article");
}
