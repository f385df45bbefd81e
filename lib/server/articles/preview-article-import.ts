import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { ArticlePreview } from "@/lib/schemas/article";
import { EDITING_ROLES } from "@/lib/schemas/enums";
import { requireActor, requireMembership } from "@/lib/server/access";
import { runImport, type ArticleImportInput } from "./run-import";

/** What saving would store: the cleaned document, metadata and removed blocks. Writes nothing. */
export async function previewArticleImport({
  actor: maybeActor,
  workspaceId,
  input,
}: {
  actor: MaybeActor;
  workspaceId: string;
  input: ArticleImportInput;
}): Promise<ArticlePreview> {
  const actor = requireActor(maybeActor);
  // Before any work (and any URL fetch): only editors and admins of the workspace may import.
  await requireMembership(db, actor, workspaceId, EDITING_ROLES);
  return runImport(input);
}
