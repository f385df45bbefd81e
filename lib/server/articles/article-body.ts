import "server-only";
import { createHash } from "node:crypto";
import { layoutDocument } from "@/lib/document/canonical-text";
import { renderedBodies } from "@/lib/document/rendered-bodies";
import { renderDocumentHtml } from "@/lib/document/render-html";
import type { DocNode } from "@/lib/document/types";

/** The article page's body: its HTML (no claim markup) and where its figures sit in the canonical text. */
export interface ArticleBody {
  /** A hash of the stored document: equal keys, equal bodies. */
  key: string;
  html: string;
  figureOffsets: number[];
}

// Parsing and rendering a 10,000-word document costs milliseconds on every page view, yet the
// result depends only on the stored document JSON. A small memo keyed by that JSON's hash (not
// by mutable row state) is safe with several app servers: each one only skips recomputing. The
// memo is also where the page's server rendering finds a body by key (rendered-bodies.ts).
export function renderArticleBody(documentJson: string): ArticleBody {
  const memo = renderedBodies();
  const key = createHash("sha256").update(documentJson).digest("base64url");
  const hit = memo.get(key);
  if (hit) return { key, ...hit };
  const doc = JSON.parse(documentJson) as DocNode;
  const body = { html: renderDocumentHtml(doc), figureOffsets: layoutDocument(doc).figureOffsets };
  memo.set(key, body);
  return { key, ...body };
}
