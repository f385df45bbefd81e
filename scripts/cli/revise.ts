import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { loadActor } from "@/lib/auth/load-actor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { formatBytes } from "@/lib/importing";
import { reviseArticle } from "@/lib/server/revisions/revise-article";
import { parseArgs, requireFlag } from "./args";

const USAGE = 'Usage: npm run cli -- revise --article <id or slug> --file <path> --reason "…" [--as <email>]';

/** `revise --article <id|slug> --file <path> --reason "…"`: a new revision through reviseArticle, as that user. */
export async function run(args: string[]): Promise<void> {
  const { flags } = parseArgs(args);
  const ref = requireFlag(flags, "article");
  const file = path.resolve(requireFlag(flags, "file"));
  const reason = flags.reason && flags.reason !== "true" ? flags.reason : undefined;
  const article = await db.article.findFirst({ where: { OR: [{ id: ref }, { slug: ref }], deletedAt: null } });
  if (!article) throw new Error(`No article with id or slug "${ref}".\n${USAGE}`);

  const email = flags.as && flags.as !== "true" ? flags.as.toLowerCase() : null;
  const membership = await db.membership.findFirst({
    where: { workspaceId: article.workspaceId, ...(email ? { user: { email } } : { role: "ADMIN", user: { active: true } }) },
    orderBy: { createdAt: "asc" },
  });
  if (!membership) throw new Error(email ? `${email} is not a member of the article's workspace.` : "The article's workspace has no admin; pass --as <email>.");
  const actor = await loadActor(membership.userId);
  if (!actor) throw new Error("That user is deactivated.");

  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new Error(`No such file: ${file}`);
  }
  const limit = env().IMPORT_MAX_BYTES;
  if (size > limit) throw new Error(`${file} is ${formatBytes(size)}; the import limit is ${formatBytes(limit)} (IMPORT_MAX_BYTES).`);

  const result = await reviseArticle({
    actor,
    articleId: article.id,
    input: { text: "", reason, baseRevision: article.revisionNumber },
    upload: { kind: "file", filename: path.basename(file), data: new Uint8Array(readFileSync(file)) },
  });
  const s = result.summary;
  console.log(`revision ${result.revision.number}${reason ? ` (${reason})` : ""}`);
  console.log(`claims   ${s.intact} intact, ${s.moved} moved, ${s.changed} changed, ${s.orphaned} orphaned`);
  for (const c of result.claims.filter((c) => c.state === "CHANGED" || c.state === "ORPHANED")) {
    console.log(`  ${c.state.padEnd(8)} ${c.id}  "${c.previousExact}"${c.state === "CHANGED" ? ` → "${c.exact}"` : ""}${c.backToReview ? "  (back to review)" : ""}`);
  }
  console.log(`open     /articles/${article.id}`);
}
