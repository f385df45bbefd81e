import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/articles/[id]/claims/route";
import { describeRange } from "@/lib/anchoring";
import type { Actor } from "@/lib/auth/actor";
import { createSession, revokeSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import type { ListClaimsQuery } from "@/lib/schemas/claim";
import { createClaim } from "@/lib/server/claims/create-claim";
import { editorClaimsPageJson } from "@/lib/server/claims/editor-claims-json";
import { listClaimsPage } from "@/lib/server/claims/list-claims";
import { addSource } from "@/lib/server/sources/add-source";
import { createArticleRow, createWorkspaceWithMembers, recordPublication } from "./factories";

// GET /api/v1/articles/:id/claims answers editors straight from the driver as JSON text
// (editor-claims-json.ts): the same bytes as listClaimsPage + NextResponse.json, and the same
// refusals, for every filter, page and shape.

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "integration-secret-0123456789abcdef";
});

const TEXT = ["Russia annexed Crimea from Ukraine in 2014.", 'The war has been running low. The war has been "costly" — très cher.'];
const CANONICAL = TEXT.join("\n\n");
const target = (quote: string) => {
  const start = CANONICAL.indexOf(quote);
  const { quote: q, position } = describeRange(CANONICAL, { start, end: start + quote.length });
  return { selector: [q, position] };
};

async function world() {
  const ws = await createWorkspaceWithMembers();
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT });
  const claim = (quote: string, extra: Record<string, unknown> = {}) =>
    createClaim({ actor: ws.actors.editor, articleId: article.id, input: { target: target(quote), ...extra } });
  const whole = await claim("Russia annexed Crimea from Ukraine in 2014", { claimant: "Analyst \"A\"", verdict: "false", rationale: "<p>Why &amp; how</p>" });
  const crimea = await claim("Crimea", { statement: "Crimea was annexed", assigneeId: ws.users.editor2.id });
  const costly = await claim('"costly" — très cher', { statement: "Ünïcode \u2028 line" });
  await claim("The war", { statement: "first of two on one span" });
  await claim("The war", { statement: "second of two on one span" });
  await addSource({ actor: ws.actors.editor, claimId: whole.id, input: { url: "https://example.org/a", title: "A title", publishedOn: "2024-01-02" } });
  await addSource({ actor: ws.actors.editor, claimId: whole.id, input: { url: "https://example.org/b", stance: "SUPPORTS" } });
  // Approved, published, moved and commented on: every nullable field set somewhere.
  await db.claim.update({
    where: { id: crimea.id },
    data: {
      status: "APPROVED", approvedById: ws.users.admin.id, approvedAt: new Date("2026-01-02T03:04:05.006Z"), publishedAt: new Date("2026-01-03T00:00:00.000Z"),
      anchorState: "MOVED", anchorScore: 0.875, previousExact: "Krim", anchoredRevision: 2, reviewReason: "Verdict changed",
    },
  });
  const thread = await db.comment.create({ data: { claimId: costly.id, authorId: ws.users.editor.id, body: "<p>open</p>" } });
  await db.comment.create({ data: { claimId: costly.id, parentId: thread.id, authorId: ws.users.admin.id, body: "<p>reply</p>" } });
  await db.comment.create({ data: { claimId: costly.id, authorId: ws.users.editor.id, body: "<p>done</p>", resolved: true } });
  await db.comment.create({ data: { claimId: costly.id, authorId: ws.users.editor.id, body: "<p>gone</p>", deletedAt: new Date() } });
  const trashed = await claim("Ukraine", { statement: "trashed" });
  await db.claim.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } });
  return { ...ws, article };
}

const cookieFor = async (userId: string, sid?: string) =>
  `next-auth.session-token=${await encode({ token: { userId, sid: sid ?? (await createSession(userId)) }, secret: process.env.NEXTAUTH_SECRET! })}`;

async function get(articleId: string, cookie: string, query = "") {
  const res = await GET(new NextRequest(`http://localhost:3000/api/v1/articles/${articleId}/claims${query}`, { headers: { cookie } }), { params: Promise.resolve({ id: articleId }) });
  return { status: res.status, text: await res.text(), type: res.headers.get("content-type") };
}

const expected = async (actor: Actor, articleId: string, query: ListClaimsQuery = {}) => JSON.stringify(await listClaimsPage({ actor, articleId, query }));

describe("GET /api/v1/articles/:id/claims straight from the driver", () => {
  it("gives editors and admins the bytes listClaimsPage gives, for every filter, shape and page", async () => {
    const w = await world();
    const sids = { editor: await createSession(w.users.editor.id), admin: await createSession(w.users.admin.id) };
    const cookies = { editor: await cookieFor(w.users.editor.id, sids.editor), admin: await cookieFor(w.users.admin.id, sids.admin) };
    const queries: [string, ListClaimsQuery][] = [
      ["", {}],
      ["?fields=summary", { fields: "summary" }],
      ["?fields=full&verdict=false", { fields: "full", verdict: "false" }],
      ["?verdict=none", { verdict: "none" }],
      ["?status=APPROVED", { status: "APPROVED" }],
      ["?assignee=none", { assignee: "none" }],
      [`?assignee=${w.users.editor2.id}`, { assignee: w.users.editor2.id }],
      ["?assignee=me", { assignee: "me" }],
    ];
    for (const who of ["editor", "admin"] as const) {
      for (const [qs, query] of queries) {
        // Served by the direct path (null would mean listClaimsPage answered).
        const direct = await editorClaimsPageJson({ userId: w.users[who].id, sid: sids[who], articleId: w.article.id, query });
        expect(direct).toBe(await expected(w.actors[who], w.article.id, query));
        const res = await get(w.article.id, cookies[who], qs);
        expect(res.status).toBe(200);
        expect(res.type).toBe("application/json");
        expect(res.text).toBe(await expected(w.actors[who], w.article.id, query));
      }
    }
    const all = JSON.parse((await get(w.article.id, cookies.editor)).text) as { claims: { id: string; commentCount: number; openThreadCount: number; sources?: unknown[] }[] };
    expect(all.claims).toHaveLength(5);
    expect(all.claims.map((c) => c.openThreadCount).sort()).toEqual([0, 0, 0, 0, 1]);
    expect(all.claims.map((c) => c.commentCount).sort()).toEqual([0, 0, 0, 0, 3]);

    // Paging: the same pages and cursors, full and summary.
    for (const fields of ["full", "summary"] as const) {
      let after: string | undefined;
      let pages = 0;
      do {
        const query: ListClaimsQuery = { limit: 2, fields, ...(after ? { after } : {}) };
        const res = await get(w.article.id, cookies.editor, `?${new URLSearchParams(query as Record<string, string>)}`);
        const want = await expected(w.actors.editor, w.article.id, query);
        expect(res.text).toBe(want);
        after = (JSON.parse(want) as { nextCursor: string | null }).nextCursor ?? undefined;
        pages++;
      } while (after);
      expect(pages).toBe(3);
    }
    // Bad input: the route's own errors.
    expect((await get(w.article.id, cookies.editor, "?after=garbage")).status).toBe(400);
    expect((await get(w.article.id, cookies.editor, "?limit=0")).status).toBe(400);
  });

  it("answers everyone else as listClaimsPage does: readers, outsiders, ended sessions, inactive members, other articles", async () => {
    const w = await world();
    await db.article.update({ where: { id: w.article.id }, data: { status: "PUBLISHED" } });
    await db.claim.updateMany({ where: { articleId: w.article.id, statement: "Crimea was annexed" }, data: { status: "PUBLISHED" } });
    await recordPublication(w.article.id, w.users.admin.id);

    const reader = await get(w.article.id, await cookieFor(w.users.reader.id));
    expect(reader.status).toBe(200);
    expect(reader.text).toBe(await expected(w.actors.reader, w.article.id));
    expect(JSON.parse(reader.text).claims).toHaveLength(1);
    expect(reader.text).not.toContain("openThreadCount");

    expect((await get(w.article.id, await cookieFor(w.users.outsider.id))).status).toBe(404);
    expect((await get("no-such-article", await cookieFor(w.users.editor.id))).status).toBe(404);

    const sid = await createSession(w.users.editor.id);
    const cookie = await cookieFor(w.users.editor.id, sid);
    expect((await get(w.article.id, cookie)).status).toBe(200);
    // Another user's session id in the token.
    expect((await get(w.article.id, await cookieFor(w.users.editor2.id, sid))).status).toBe(401);
    await revokeSession(sid);
    expect((await get(w.article.id, cookie)).status).toBe(401);

    const expired = await createSession(w.users.editor2.id);
    const expiredCookie = await cookieFor(w.users.editor2.id, expired);
    await db.session.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await get(w.article.id, expiredCookie)).status).toBe(401);

    const admin = await cookieFor(w.users.admin.id);
    expect((await get(w.article.id, admin)).status).toBe(200);
    await db.membership.updateMany({ where: { userId: w.users.admin.id, workspaceId: w.workspace.id }, data: { active: false } });
    expect((await get(w.article.id, admin)).status).toBe(404);

    const editor = await cookieFor(w.users.editor.id);
    await db.user.update({ where: { id: w.users.editor.id }, data: { active: false } });
    expect((await get(w.article.id, editor)).status).toBe(401);

    const editor2 = await cookieFor(w.users.editor2.id);
    await db.membership.updateMany({ where: { userId: w.users.editor2.id, workspaceId: w.workspace.id }, data: { role: "READER" } });
    const demoted = await get(w.article.id, editor2);
    expect(demoted.text).toBe(await expected(w.actors.editor2, w.article.id));
    expect(demoted.text).not.toContain("openThreadCount");

    await db.article.update({ where: { id: w.article.id }, data: { deletedAt: new Date() } });
    expect((await get(w.article.id, await cookieFor(w.users.editor2.id))).status).toBe(404);
  });
});
