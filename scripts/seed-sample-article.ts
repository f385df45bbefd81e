import { readFileSync } from "node:fs";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { importText } from "@/lib/importing";
import { canonicalText } from "@/lib/document/canonical-text";
import { createArticle, sha256 } from "@/lib/server/articles/create-article";

/** The project's primary sample, beside the repository: <repo>/../shared/fixtures/articles/. */
export const SAMPLE_ARTICLE_PATH = path.resolve(__dirname, "..", "..", "shared", "fixtures", "articles", "biden-putin-scraped.txt");

/**
 * Loads the scraped sample into a workspace through the same createArticle a paste goes
 * through. Re-running keeps data: if a live article with the same content hash is already in
 * the workspace, nothing happens.
 */
export async function loadSampleArticle({ actor, workspaceId }: { actor: Actor; workspaceId: string }): Promise<{ id: string; created: boolean }> {
  const text = readFileSync(SAMPLE_ARTICLE_PATH, "utf8");
  const contentHash = sha256(canonicalText(importText(text).document));
  const existing = await db.article.findFirst({ where: { workspaceId, contentHash, deletedAt: null }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const article = await createArticle({ actor, workspaceId, input: { source: { kind: "text", text } } });
  return { id: article.id, created: true };
}
