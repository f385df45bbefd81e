import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/server/claims/create-claim";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

// `npm run cli -- revise` as a user runs it: a child process on the same (throwaway) database,
// its output and exit code checked, and what it did read back from the database.

const ROOT = path.resolve(__dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "factmark-cli-revise-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["tsx", "--conditions=react-server", "scripts/cli.ts", ...args],
      { cwd: ROOT, env: { ...process.env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const TEXT = ["Angela Stant, a Russia scholar at Georgetown, said the summit changed little.", "Officials met for three hours in Geneva."];

describe("npm run cli -- revise", () => {
  it("makes a new revision from a file (article by slug), re-anchors the claims and prints the summary; bad input is refused with a message", async () => {
    const ws = await createWorkspaceWithMembers();
    const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT });
    const canonical = TEXT.join("\n\n");
    const claimOn = (quote: string) => {
      const start = canonical.indexOf(quote);
      const { quote: q, position } = describeRange(canonical, { start, end: start + quote.length });
      return createClaim({ actor: ws.actors.editor, articleId: article.id, input: { target: { selector: [q, position] } } });
    };
    const name = await claimOn("Angela Stant, a Russia scholar at Georgetown");
    const geneva = await claimOn("Officials met for three hours in Geneva");

    const file = path.join(dir, "corrected.txt");
    writeFileSync(file, `Update: the summit ended on Friday.\n\n${TEXT[0].replace("Stant", "Stent")}\n\n${TEXT[1]}\n`);
    const ok = await cli("revise", "--article", article.slug, "--file", file, "--reason", "Corrected a name");
    expect(ok.stderr).not.toMatch(/Error:/);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("revision 2 (Corrected a name)");
    expect(ok.stdout).toContain("claims   0 intact, 1 moved, 1 changed, 0 orphaned");
    expect(ok.stdout).toContain(`CHANGED  ${name.id}  "Angela Stant, a Russia scholar at Georgetown" → "Angela Stent, a Russia scholar at Georgetown"`);

    const after = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after.revisionNumber).toBe(2);
    expect(after.canonicalText).toContain("Angela Stent");
    const revision = await db.articleRevision.findUniqueOrThrow({ where: { articleId_number: { articleId: article.id, number: 2 } } });
    expect(revision).toMatchObject({ reason: "Corrected a name", createdById: ws.users.admin.id });
    const moved = await db.claim.findUniqueOrThrow({ where: { id: geneva.id } });
    expect(moved).toMatchObject({ anchorState: "MOVED", anchoredRevision: 2 });
    expect(after.canonicalText.slice(moved.start, moved.end)).toBe("Officials met for three hours in Geneva");

    // The same text again: refused, nothing changed. An unknown article or file: a message and exit code 1.
    const same = await cli("revise", "--article", article.id, "--file", file, "--reason", "Again");
    expect(same.code).toBe(1);
    expect(same.stderr).toContain("identical to the current text: no revision was made");
    const missing = await cli("revise", "--article", "no-such-article", "--file", file, "--reason", "x");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No article with id or slug "no-such-article"');
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).revisionNumber).toBe(2);
  }, 300_000);
});
