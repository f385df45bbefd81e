import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createClaim } from "@/lib/server/claims/create-claim";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";
import { allowFetchingFrom, startLocalSite, type LocalSite } from "./local-site";

// Refresh from source: the article's source URL is fetched again through the SSRF-safe fetcher
// and the new text goes through the import pipeline; an unreachable or refused source changes
// nothing and says why.

const PARAGRAPHS = [
  "Angela Stant, a Russia scholar at Georgetown, said the summit changed little.",
  "Putin has said the war will continue, officials in Geneva told reporters after the meeting.",
  "Officials met for three hours in Geneva and agreed to meet again in the spring.",
];
const page = (paragraphs: string[]) =>
  `<!doctype html><html><head><title>Summit story</title></head><body><article><h1>Summit story</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;

let site: LocalSite;
let host: string;

beforeAll(async () => {
  site = await startLocalSite(
    { "/story": { type: "text/html; charset=utf-8", body: page([PARAGRAPHS[0].replace("Stant", "Stent"), ...PARAGRAPHS.slice(1)]) } },
    { status: 500, type: "text/plain", body: "down" },
  );
  host = site.host;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await site.close();
});

/** The revision service with the test server allowed (or not) by the fetcher. */
async function revisions(allow: boolean) {
  allowFetchingFrom(allow ? host : null);
  return import("@/lib/server/revisions/revise-article");
}

async function setup(path: string) {
  const ws = await createWorkspaceWithMembers();
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: PARAGRAPHS });
  await db.article.update({ where: { id: article.id }, data: { sourceUrl: `http://${host}${path}` } });
  const quote = "Putin has said the war will continue";
  const start = article.canonicalText.indexOf(quote);
  const { quote: q, position } = describeRange(article.canonicalText, { start, end: start + quote.length });
  const claim = await createClaim({ actor: ws.actors.editor, articleId: article.id, input: { target: { selector: [q, position] } } });
  return { ...ws, article, claim };
}

/** The coded error a call failed with (the services were re-imported: AppError is their copy, so compare by shape). */
async function refusal(p: Promise<unknown>): Promise<Pick<AppError, "code" | "message">> {
  const e = (await p.then(() => null, (err: unknown) => err)) as AppError | null;
  expect(e?.name, String(e)).toBe("AppError");
  expect(typeof e?.code).toBe("string");
  return e!;
}

describe("refresh from source", () => {
  it("previews then saves the re-fetched text as a REFRESH revision; the claim keeps its words", async () => {
    const s = await setup("/story");
    const { previewRevision, reviseArticle } = await revisions(true);
    const preview = await previewRevision({ actor: s.actors.editor, articleId: s.article.id, input: { refresh: true, baseRevision: 1 } });
    expect(preview.diff).toContainEqual({ op: "insert", text: "Stent" });
    expect((await db.article.findUniqueOrThrow({ where: { id: s.article.id } })).revisionNumber).toBe(1);

    const result = await reviseArticle({ actor: s.actors.editor, articleId: s.article.id, input: { refresh: true, reason: "The outlet fixed a name", baseRevision: 1 } });
    expect(result.revision).toMatchObject({ number: 2, kind: "REFRESH", reason: "The outlet fixed a name" });
    const row = await db.claim.findUniqueOrThrow({ where: { id: s.claim.id } });
    const article = await db.article.findUniqueOrThrow({ where: { id: s.article.id } });
    expect(["INTACT", "MOVED"]).toContain(row.anchorState);
    expect(article.canonicalText.slice(row.start, row.end)).toBe("Putin has said the war will continue");
    expect(article.canonicalText).toContain("Angela Stent");
  });

  it("an unreachable or refused source is refused with a clear message and changes nothing", async () => {
    const down = await setup("/gone");
    const { reviseArticle } = await revisions(true);
    const failed = await refusal(reviseArticle({ actor: down.actors.editor, articleId: down.article.id, input: { refresh: true, reason: "x", baseRevision: 1 } }));
    expect(failed.message).toMatch(/answered 500/);

    const refused = await setup("/story");
    const blocked = await revisions(false);
    const e = await refusal(blocked.reviseArticle({ actor: refused.actors.editor, articleId: refused.article.id, input: { refresh: true, reason: "x", baseRevision: 1 } }));
    expect(e.message).toMatch(/Only public web addresses/);
    for (const id of [down.article.id, refused.article.id]) {
      expect((await db.article.findUniqueOrThrow({ where: { id } })).revisionNumber).toBe(1);
      expect(await db.articleRevision.count({ where: { articleId: id } })).toBe(1);
    }
  });
});
