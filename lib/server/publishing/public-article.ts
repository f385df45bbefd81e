import "server-only";
import type { Visibility } from "@/lib/schemas/enums";
import type { ReportBundle } from "@/lib/schemas/report";
import type { PublishedArticle } from "./get-published-article";

// The public API's view of a published fact-check: the snapshot readers see, nothing else.
export interface PublicArticle extends Omit<ReportBundle, "scope" | "generatedAt"> {
  url: string;
  visibility: Visibility;
  publicationNumber: number;
}

export function toPublicArticle({ bundle, visibility, publicationNumber }: PublishedArticle): PublicArticle {
  const { scope: _scope, generatedAt: _generatedAt, ...rest } = bundle;
  void _scope;
  void _generatedAt;
  return { url: bundle.article.readerUrl, visibility, publicationNumber, ...rest };
}
