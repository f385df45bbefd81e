import { readFileSync } from "node:fs";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { importText } from "@/lib/importing";
import { canonicalText } from "@/lib/document/canonical-text";
import { createArticle, sha256 } from "@/lib/server/articles/create-article";
import { publishArticle } from "@/lib/server/publishing/publish-article";
import { reviseArticle } from "@/lib/server/revisions/revise-article";

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
  // A corrected sample (revision 2) still counts: its first revision has the original text.
  const existing = await db.article.findFirst({
    where: { workspaceId, deletedAt: null, OR: [{ contentHash }, { revisions: { some: { number: 1, contentHash } } }] },
    select: { id: true },
  });
  if (existing) return { id: existing.id, created: false };
  const article = await createArticle({ actor, workspaceId, input: { source: { kind: "text", text } } });
  return { id: article.id, created: true };
}

/** What the outlet corrected after publication: two experts' names and a stray quotation mark. */
export const SAMPLE_CORRECTIONS: ReadonlyArray<[wrong: string, right: string]> = [
  ["Angela Stant", "Angela Stent"],
  ["Dara Masicott", "Dara Massicot"],
  ["Russia and Eurasia. ” “The major", "Russia and Eurasia. “The major"],
];
export const SAMPLE_CORRECTION_REASON = "Corrected the spelling of two experts' names";

/**
 * Revision 2 of the sample: the outlet's corrections, through the same reviseArticle a new
 * version takes, then published again so readers see it in the corrections log. Only while the
 * sample is still at revision 1.
 */
export async function correctSampleArticle({ actor, articleId }: { actor: Actor; articleId: string }): Promise<{ revised: boolean }> {
  const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { revisionNumber: true, status: true } });
  if (article.revisionNumber !== 1) return { revised: false };
  let text = readFileSync(SAMPLE_ARTICLE_PATH, "utf8");
  for (const [wrong, right] of SAMPLE_CORRECTIONS) text = text.replace(wrong, right);
  await reviseArticle({ actor, articleId, input: { text, reason: SAMPLE_CORRECTION_REASON, baseRevision: 1 } });
  if (article.status === "PUBLISHED") await publishArticle({ actor, articleId, reason: SAMPLE_CORRECTION_REASON });
  return { revised: true };
}
