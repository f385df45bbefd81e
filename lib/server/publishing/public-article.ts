import "server-only";
import type { Visibility } from "@/lib/schemas/enums";
import type { ReportBundle } from "@/lib/schemas/report";
import type { PublishedArticle } from "./get-published-article";

// The public API's view of a published fact-check: the snapshot readers see, nothing else.
export interface PublicArticle extends Omit<ReportBundle, "scope" | "generatedAt"> {
  url: string;
  visibility: Visibility;
  publicationNumber: number;
  /** Present when an earlier text revision was asked for (?revision=<n>): its number. */
  earlierRevision?: number;
}

export function toPublicArticle({ bundle, visibility, publicationNumber, earlierRevision }: PublishedArticle): PublicArticle {
  const { scope: _scope, generatedAt: _generatedAt, ...rest } = bundle;
  void _scope;
  void _generatedAt;
  // An earlier version's URL is its own reader page, as linked from the corrections log.
  const url = earlierRevision ? `${bundle.article.readerUrl}?revision=${earlierRevision}` : bundle.article.readerUrl;
  return { url, visibility, publicationNumber, ...(earlierRevision ? { earlierRevision } : {}), ...rest };
}
