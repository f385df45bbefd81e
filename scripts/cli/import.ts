import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { loadActor } from "@/lib/auth/load-actor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { formatBytes } from "@/lib/importing";
import { createArticle } from "@/lib/server/articles/create-article";
import type { ArticleSource } from "@/lib/server/articles/run-import";
import { parseArgs, requireFlag } from "./args";

const USAGE = "Usage: npm run cli -- import <file-or-url> --workspace <slug> [--as <email>]";

/** `import <file-or-url> --workspace <slug> [--as <email>]`: imports through createArticle, as that user. */
export async function run(args: string[]): Promise<void> {
  const { positional, flags } = parseArgs(args);
  const target = positional[0];
  if (!target) throw new Error(`Give a file or URL to import.\n${USAGE}`);
  const slug = requireFlag(flags, "workspace");
  const workspace = await db.workspace.findUnique({ where: { slug } });
  if (!workspace) throw new Error(`No workspace with slug "${slug}".`);

  const email = flags.as && flags.as !== "true" ? flags.as.toLowerCase() : null;
  const membership = await db.membership.findFirst({
    where: { workspaceId: workspace.id, ...(email ? { user: { email } } : { role: "ADMIN", user: { active: true } }) },
    orderBy: { createdAt: "asc" },
  });
  if (!membership) throw new Error(email ? `${email} is not a member of "${slug}".` : `Workspace "${slug}" has no admin; pass --as <email>.`);
  const actor = await loadActor(membership.userId);
  if (!actor) throw new Error("That user is deactivated.");

  let source: ArticleSource;
  if (/^https?:\/\//i.test(target)) source = { kind: "url", url: target };
  else {
    const file = path.resolve(target);
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw new Error(`No such file: ${file}`);
    }
    const limit = env().IMPORT_MAX_BYTES;
    if (size > limit) throw new Error(`${file} is ${formatBytes(size)}; the import limit is ${formatBytes(limit)} (IMPORT_MAX_BYTES).`);
    source = { kind: "file", filename: path.basename(file), data: new Uint8Array(readFileSync(file)) };
  }

  const article = await createArticle({ actor, workspaceId: workspace.id, input: { source } });
  console.log(`id       ${article.id}`);
  console.log(`title    ${article.title}`);
  console.log(`removed  ${article.removedBlocks.length} block${article.removedBlocks.length === 1 ? "" : "s"}`);
  console.log(`open     /articles/${article.id}`);
}
