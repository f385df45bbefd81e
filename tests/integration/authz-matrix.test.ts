import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { db } from "@/lib/db";
import { MARKERS, matrixPeople, matrixWorld, type MatrixWorld } from "./authz-matrix-fixture";

// Reliability suite, item 5: every operation of /api/v1/openapi.json × {anonymous, member of
// another workspace only, reader, editor, admin}, called through its route handler with real
// ids and a body an authorized caller gets a 2xx for. The expected outcome of every cell comes
// from EXPECTED below. A leak is a cell that succeeds where it should be refused, or an answer
// to a reader, an outsider or an anonymous caller that carries a marker of unpublished work
// (draft articles and claims, edits after publishing, comments, the trash). The reader page,
// the embed and every text format of the published-scope export are searched for the markers
// too. An operation added to the document without a row here fails the test: add its row.

// No request scope here: a caller without a token has no session either.
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<typeof import("next-auth")>()), getServerSession: async () => null }));

type Who = "anonymous" | "outsider" | "reader" | "editor" | "admin";
const WHO: Who[] = ["anonymous", "outsider", "reader", "editor", "admin"];
/** "ok" is any 2xx; otherwise the status. */
type Outcome = "ok" | 401 | 403 | 404 | 409;
type Expect = Record<Who, Outcome>;
const e = (anonymous: Outcome, outsider: Outcome, reader: Outcome, editor: Outcome, admin: Outcome): Expect => ({ anonymous, outsider, reader, editor, admin });

const EVERYONE = e("ok", "ok", "ok", "ok", "ok");
const SIGNED_IN = e(401, "ok", "ok", "ok", "ok");
/** Members read it (readers: the published version). */
const MEMBERS = e(401, 404, "ok", "ok", "ok");
/** Readers see the thing but may not do this. */
const EDITORS = e(401, 404, 403, "ok", "ok");
/** Readers do not even see the thing (a draft, unpublished work, the trash). */
const EDITORS_HIDDEN = e(401, 404, 404, "ok", "ok");
const ADMINS = e(401, 404, 403, 403, "ok");
const OWNER = e(401, 404, 404, 404, "ok");
const NOBODY = e(404, 404, 404, 404, 404);
const NOBODY_SIGNED_IN = e(401, 404, 404, 404, 404);

type Params = Record<string, string>;
interface Row {
  label?: string;
  params?: (f: MatrixWorld) => Params;
  query?: (f: MatrixWorld) => Params;
  body?: (f: MatrixWorld) => unknown;
  expect: Expect;
  /** For an answer that is 200 whoever asks: whether its content grants the caller what the table refuses. */
  grants?: (json: unknown) => boolean;
  /**
   * A successful call can be made again by the next caller with the same outcome, and changes
   * nothing the later rows depend on (an edit of an approved claim is not: it reopens it).
   * Otherwise the next cell gets a fresh world.
   */
  repeatable?: boolean;
}

const art = (pick: "published" | "draft") => (f: MatrixWorld) => ({ id: f[pick].id });
const claim = (pick: "publishedClaim" | "otherClaim" | "draftClaim" | "unpublishedClaim" | "trashedClaim") => (f: MatrixWorld) => ({ id: f[pick].id });
const claimVersion = async (id: string) => (await db.claim.findUniqueOrThrow({ where: { id } })).version;
const articleVersion = async (id: string) => (await db.article.findUniqueOrThrow({ where: { id } })).version;
const ws = (f: MatrixWorld) => ({ workspace: f.workspace.id });
const quote = (exact: string) => ({ target: { selector: [{ type: "TextQuoteSelector", exact }] } });
const REVISED = "Russia annexed Crimea from Ukraine in 2014.\n\nThe war has been running low on ammunition and shells.";
const TEXT_FORMATS = ["md", "csv", "html", "w3c", "claimreview"] as const;

// "published claim" is published and untouched since: readers see it, so writes are FORBIDDEN.
// "published claim edited since" went back to review after publishing: readers get its
// published snapshot from GET /claims/{id} and the claim list, and NOT_FOUND for everything
// else about it (history, comments, sources added since, links from it).
const EXPECTED: Record<string, Row[]> = {
  "GET /api/v1/health": [{ expect: EVERYONE }],
  "GET /api/v1/me": [{ expect: SIGNED_IN }],
  "GET /api/v1/tokens": [{ expect: SIGNED_IN }],
  "POST /api/v1/tokens": [{ body: () => ({ name: "matrix token" }), expect: SIGNED_IN, repeatable: true }],
  "DELETE /api/v1/tokens/{id}": [{ label: "the admin's spare token", params: (f) => ({ id: f.spareAdminToken.id }), expect: OWNER }],
  "GET /api/v1/mentions": [{ expect: SIGNED_IN }],
  "POST /api/v1/mentions/read": [{ body: () => ({ ids: ["not-a-mention"] }), expect: SIGNED_IN, repeatable: true }],
  "GET /api/v1/notifications": [{ expect: SIGNED_IN }],
  "POST /api/v1/notifications/read": [{ body: () => ({}), expect: SIGNED_IN, repeatable: true }],
  "GET /api/v1/scale": [{ query: ws, expect: MEMBERS }],
  "GET /api/v1/workspaces/{idOrSlug}/members": [{ params: (f) => ({ idOrSlug: f.workspace.slug }), expect: ADMINS }],
  // Claimants of drafts too: editors only.
  "GET /api/v1/workspaces/{idOrSlug}/claimants": [{ params: (f) => ({ idOrSlug: f.workspace.slug }), expect: EDITORS }],

  "GET /api/v1/articles": [{ query: ws, expect: MEMBERS }],
  "POST /api/v1/articles": [{ body: (f) => ({ workspace: f.workspace.id, text: "Headline\n\nA paragraph of the new article." }), expect: EDITORS, repeatable: true }],
  "POST /api/v1/articles/preview": [{ body: (f) => ({ workspace: f.workspace.id, text: "Headline\n\nA paragraph." }), expect: EDITORS, repeatable: true }],
  "GET /api/v1/articles/{id}": [
    { label: "published", params: art("published"), expect: MEMBERS },
    { label: "draft", params: art("draft"), expect: EDITORS_HIDDEN },
  ],
  "PATCH /api/v1/articles/{id}": [
    { label: "published", params: art("published"), body: async (f) => ({ version: await articleVersion(f.published.id), language: "en" }), expect: EDITORS, repeatable: true },
    { label: "draft", params: art("draft"), body: async (f) => ({ version: await articleVersion(f.draft.id), language: "en" }), expect: EDITORS_HIDDEN, repeatable: true },
  ],
  "DELETE /api/v1/articles/{id}": [
    { label: "published", params: art("published"), expect: EDITORS },
    { label: "draft", params: art("draft"), expect: EDITORS_HIDDEN },
  ],
  "GET /api/v1/articles/{id}/claims": [
    { label: "published", params: art("published"), expect: MEMBERS },
    { label: "draft", params: art("draft"), expect: EDITORS_HIDDEN },
  ],
  "POST /api/v1/articles/{id}/claims": [
    { label: "published", params: art("published"), body: () => quote("The war"), expect: EDITORS, repeatable: true },
    { label: "draft", params: art("draft"), body: () => quote("More text"), expect: EDITORS_HIDDEN, repeatable: true },
  ],
  "GET /api/v1/articles/{id}/claims/trash": [
    { label: "published", params: art("published"), expect: EDITORS },
    { label: "draft", params: art("draft"), expect: EDITORS_HIDDEN },
  ],
  // Publishing needs edit access to the article: a reader is told it is not found (as for a draft).
  "POST /api/v1/articles/{id}/publish": [
    { label: "draft", params: art("draft"), body: () => ({ visibility: "PUBLIC" }), expect: EDITORS_HIDDEN },
    { label: "published, again", params: art("published"), body: () => ({ reason: "Republished for the matrix" }), expect: EDITORS_HIDDEN },
  ],
  "POST /api/v1/articles/{id}/unpublish": [{ label: "published", params: art("published"), body: () => ({ reason: "Withdrawn for the matrix" }), expect: EDITORS_HIDDEN }],
  "GET /api/v1/public/articles/{slug}": [
    { label: "published", params: (f) => ({ slug: f.published.slug }), expect: EVERYONE },
    { label: "published, ?revision=1 (the published text)", params: (f) => ({ slug: f.published.slug }), query: () => ({ revision: "1" }), expect: EVERYONE },
    { label: "published, ?revision=9 (never published)", params: (f) => ({ slug: f.published.slug }), query: () => ({ revision: "9" }), expect: NOBODY },
    { label: "draft, ?revision=1", params: (f) => ({ slug: f.draft.slug }), query: () => ({ revision: "1" }), expect: NOBODY },
    { label: "draft", params: (f) => ({ slug: f.draft.slug }), expect: NOBODY },
  ],
  "GET /api/v1/articles/{id}/export": [
    ...TEXT_FORMATS.map((format): Row => ({ label: `published scope, ${format}`, params: art("published"), query: () => ({ format }), expect: MEMBERS })),
    { label: "published scope, pdf", params: art("published"), query: () => ({ format: "pdf" }), expect: MEMBERS },
    { label: "all claims, w3c", params: art("published"), query: () => ({ format: "w3c", scope: "all" }), expect: EDITORS },
    { label: "draft, w3c", params: art("draft"), query: () => ({ format: "w3c" }), expect: EDITORS_HIDDEN },
  ],
  "GET /api/v1/exports": [
    { label: "published scope, json", query: (f) => ({ ...ws(f), format: "json" }), expect: MEMBERS },
    { label: "published scope, csv", query: (f) => ({ ...ws(f), format: "csv" }), expect: MEMBERS },
    { label: "all claims, json", query: (f) => ({ ...ws(f), format: "json", scope: "all" }), expect: EDITORS },
  ],
  "GET /api/v1/exports/articles": [{ query: ws, expect: MEMBERS }],
  "GET /api/v1/search": [
    { label: "q=Crimea", query: (f) => ({ ...ws(f), q: "Crimea" }), expect: MEMBERS },
    ...Object.values(MARKERS).map((q): Row => ({ label: `q=${q}`, query: (f) => ({ ...ws(f), q }), expect: MEMBERS })),
  ],

  "GET /api/v1/claims": [{ query: ws, expect: EDITORS }],
  // 200 for any caller with one result per claim: a claim the caller may not change is skipped.
  "POST /api/v1/claims/bulk": [
    {
      label: "assign a published claim",
      body: async (f) => ({ action: "assign", claims: [{ id: f.otherClaim.id, version: await claimVersion(f.otherClaim.id) }], assigneeId: f.users.editor.id }),
      expect: SIGNED_IN,
      grants: (json) => (json as { done?: number }).done !== 0,
      repeatable: true,
    },
  ],
  "GET /api/v1/claims/{id}": [
    { label: "published claim", params: claim("publishedClaim"), expect: MEMBERS },
    { label: "claim of a draft", params: claim("draftClaim"), expect: EDITORS_HIDDEN },
    { label: "unpublished claim of a published article", params: claim("unpublishedClaim"), expect: EDITORS_HIDDEN },
    { label: "claim in the trash", params: claim("trashedClaim"), expect: NOBODY_SIGNED_IN },
  ],
  "PATCH /api/v1/claims/{id}": [
    { label: "published claim", params: claim("otherClaim"), body: async (f) => ({ version: await claimVersion(f.otherClaim.id), claimant: "Someone" }), expect: EDITORS },
    { label: "claim of a draft", params: claim("draftClaim"), body: async (f) => ({ version: await claimVersion(f.draftClaim.id), claimant: "Someone" }), expect: EDITORS_HIDDEN },
  ],
  "DELETE /api/v1/claims/{id}": [
    { label: "published claim", params: claim("otherClaim"), expect: EDITORS },
    { label: "unpublished claim", params: claim("unpublishedClaim"), expect: EDITORS_HIDDEN },
  ],
  "POST /api/v1/claims/{id}/restore": [{ label: "claim in the trash", params: claim("trashedClaim"), expect: EDITORS_HIDDEN }],
  "GET /api/v1/claims/{id}/history": [
    { label: "published claim", params: claim("otherClaim"), expect: EDITORS },
    { label: "published claim edited since", params: claim("publishedClaim"), expect: EDITORS_HIDDEN },
    { label: "claim of a draft", params: claim("draftClaim"), expect: EDITORS_HIDDEN },
  ],
  "POST /api/v1/claims/{id}/reanchor": [
    { label: "published claim edited since", params: claim("publishedClaim"), body: (f) => ({ version: f.publishedClaim.version, start: 0, end: 21 }), expect: EDITORS_HIDDEN },
  ],
  "POST /api/v1/claims/{id}/sources": [{ label: "published claim", params: claim("otherClaim"), body: () => ({ url: "https://example.org/new" }), expect: EDITORS }],
  "PATCH /api/v1/sources/{id}": [
    {
      label: "source added after publishing",
      params: (f) => ({ id: f.liveSourceId }),
      body: async (f) => ({ title: "Retitled", version: (await db.source.findUniqueOrThrow({ where: { id: f.liveSourceId } })).version }),
      expect: EDITORS_HIDDEN,
      repeatable: true,
    },
    { label: "published source", params: (f) => ({ id: f.otherClaim.sourceId }), body: async (f) => ({ excerpt: "Quoted", version: (await db.source.findUniqueOrThrow({ where: { id: f.otherClaim.sourceId } })).version }), expect: EDITORS },
  ],
  "DELETE /api/v1/sources/{id}": [
    { label: "source added after publishing", params: (f) => ({ id: f.liveSourceId }), expect: EDITORS_HIDDEN },
    { label: "published source", params: (f) => ({ id: f.otherClaim.sourceId }), expect: EDITORS },
  ],
  "POST /api/v1/sources/lookup": [{ label: "a refused address", body: () => ({ url: "http://127.0.0.1:9/" }), expect: e(401, "ok", 403, "ok", "ok"), repeatable: true }],
  "GET /api/v1/claims/{id}/sources/suggestions": [{ label: "published claim", params: claim("otherClaim"), query: () => ({ q: "Annex" }), expect: EDITORS }],
  "GET /api/v1/claims/{id}/comments": [
    { label: "published claim", params: claim("otherClaim"), expect: EDITORS },
    { label: "published claim edited since", params: claim("publishedClaim"), expect: EDITORS_HIDDEN },
  ],
  "POST /api/v1/claims/{id}/comments": [{ label: "published claim", params: claim("otherClaim"), body: () => ({ body: "A note" }), expect: EDITORS, repeatable: true }],
  "PATCH /api/v1/comments/{id}": [{ label: "on a claim edited since publishing", params: (f) => ({ id: f.comment.id }), body: () => ({ resolved: true }), expect: EDITORS_HIDDEN, repeatable: true }],
  "GET /api/v1/claims/{id}/links": [
    { label: "published claim (linked from one edited since)", params: claim("otherClaim"), expect: MEMBERS },
    { label: "published claim edited since", params: claim("publishedClaim"), expect: EDITORS_HIDDEN },
  ],
  "POST /api/v1/claims/{id}/links": [{ label: "published claim", params: claim("otherClaim"), body: (f) => ({ toClaimId: f.draftClaim.id }), expect: EDITORS, repeatable: true }],
  "DELETE /api/v1/claims/{id}/links/{otherId}": [
    { label: "from a claim edited since publishing", params: (f) => ({ id: f.publishedClaim.id, otherId: f.otherClaim.id }), expect: EDITORS_HIDDEN },
    { label: "from a published claim", params: (f) => ({ id: f.otherClaim.id, otherId: f.publishedClaim.id }), expect: EDITORS },
  ],

  // Text revisions are the newsroom's: readers get the published text (and /r/<slug>?revision=<n>).
  "GET /api/v1/articles/{id}/revisions": [
    { label: "published", params: art("published"), expect: EDITORS_HIDDEN },
    { label: "draft", params: art("draft"), expect: EDITORS_HIDDEN },
  ],
  "POST /api/v1/articles/{id}/revisions": [{ label: "published", params: art("published"), body: () => ({ text: REVISED, baseRevision: 1, reason: "Matrix" }), expect: EDITORS }],
  "POST /api/v1/articles/{id}/revisions/preview": [{ label: "published", params: art("published"), body: () => ({ text: REVISED, baseRevision: 1 }), expect: EDITORS, repeatable: true }],
  "GET /api/v1/articles/{id}/revisions/{n}": [
    { label: "published", params: (f) => ({ id: f.published.id, n: "1" }), expect: EDITORS_HIDDEN },
    { label: "draft", params: (f) => ({ id: f.draft.id, n: "1" }), expect: EDITORS_HIDDEN },
  ],
  "GET /api/v1/articles/{id}/revisions/{n}/diff": [{ label: "published", params: (f) => ({ id: f.published.id, n: "1" }), query: () => ({ against: "1" }), expect: EDITORS_HIDDEN }],
  "GET /api/v1/articles/{id}/similar-claims": [{ label: "published", params: art("published"), query: () => ({ text: "Russia annexed Crimea" }), expect: EDITORS }],
  // Export jobs are their creator's: the admin started this one (not run here, so not downloadable yet).
  "POST /api/v1/exports/jobs": [{ body: (f) => ({ ...ws(f), format: "json" }), expect: MEMBERS, repeatable: true }],
  "GET /api/v1/jobs/{id}": [{ label: "the admin's export", params: (f) => ({ id: f.adminJob.id }), expect: OWNER }],
  "GET /api/v1/jobs/{id}/download": [{ label: "the admin's unfinished export", params: (f) => ({ id: f.adminJob.id }), expect: e(401, 404, 404, 404, 409) }],
  "POST /api/v1/jobs/{id}/cancel": [{ label: "the admin's export", params: (f) => ({ id: f.adminJob.id }), expect: OWNER }],
  // Live updates: the replay from the first event is read for a moment and searched for markers too.
  "GET /api/v1/events": [{ query: (f) => ({ ...ws(f), after: "0" }), expect: MEMBERS }],
  "GET /api/v1/articles/{id}/events": [
    { label: "published", params: art("published"), query: () => ({ after: "0" }), expect: MEMBERS },
    { label: "draft", params: art("draft"), query: () => ({ after: "0" }), expect: EDITORS_HIDDEN },
  ],
  "GET /api/v1/articles/{id}/presence": [
    { label: "published", params: art("published"), expect: MEMBERS },
    { label: "draft", params: art("draft"), expect: EDITORS_HIDDEN },
  ],
  "POST /api/v1/articles/{id}/presence": [
    // Only editors announce presence; a reader's POST is NOT_FOUND (FORBIDDEN would be the usual answer for what they can see).
    { label: "published", params: art("published"), body: () => ({ client: "matrix-client-1" }), expect: EDITORS_HIDDEN, repeatable: true },
    { label: "draft", params: art("draft"), body: () => ({ client: "matrix-client-2" }), expect: EDITORS_HIDDEN, repeatable: true },
  ],
  "GET /api/v1/articles/{id}/body": [
    { label: "published", params: art("published"), expect: MEMBERS },
    { label: "draft", params: art("draft"), expect: EDITORS_HIDDEN },
  ],
  "GET /api/v1/articles/{id}/check-worthy": [
    { label: "published", params: art("published"), expect: EDITORS_HIDDEN },
    { label: "draft", params: art("draft"), expect: EDITORS_HIDDEN },
  ],
};

// Route handlers, found the way Next finds them: /api/v1/a/{id} is app/api/v1/a/[id]/route.ts.
const ROUTE_FILES = import.meta.glob<Record<string, unknown>>("/app/**/route.ts");
async function handlerFor(method: string, path: string) {
  const file = `/app${path.replace(/\{([^}]+)\}/g, "[$1]")}/route.ts`;
  const load = ROUTE_FILES[file];
  if (!load) throw new Error(`No route file ${file} for ${method} ${path}`);
  const handler = (await load())[method];
  if (typeof handler !== "function") throw new Error(`${file} exports no ${method}`);
  return handler as (req: NextRequest, ctx: { params: Promise<Params> }) => Promise<Response>;
}

async function call(f: MatrixWorld, who: Who, method: string, path: string, row: Row): Promise<{ status: number; text: string; sent: string[] }> {
  const params = row.params?.(f) ?? {};
  const url = new URL(path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? "")), "http://localhost");
  for (const [k, v] of Object.entries(row.query?.(f) ?? {})) url.searchParams.set(k, v);
  const body = await row.body?.(f);
  const headers: Record<string, string> = who === "anonymous" ? {} : { authorization: `Bearer ${f.tokens[who]}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const req = new NextRequest(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const res = await (await handlerFor(method, path))(req, { params: Promise.resolve(params) });
  // What the caller sent may come back (a search echoes its query): not a leak.
  const sent = [...url.searchParams.values(), ...(body === undefined ? [] : [JSON.stringify(body)])];
  return { status: res.status, text: await bodyText(res), sent };
}

/** The body, or for an event stream what it sends in its first 300 ms (the replay), then closed. */
async function bodyText(res: Response): Promise<string> {
  if (!res.headers.get("content-type")?.includes("text/event-stream") || !res.body) return res.text();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const until = Date.now() + 300;
  for (;;) {
    const left = until - Date.now();
    if (left <= 0) break;
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return text;
}

const outcomeOf = (status: number): Outcome | number => (status >= 200 && status < 300 ? "ok" : status);
const markersIn = (text: string, sent: string[] = []) => {
  const received = sent.reduce((t, s) => t.split(s).join(""), text);
  return Object.values(MARKERS).filter((m) => received.includes(m));
};

const report = { operations: 0, cells: 0, leaks: [] as string[], mismatches: [] as string[] };

afterAll(() => {
  console.log(
    `authorization matrix (${process.env.DB_PROVIDER ?? "sqlite"}): ${report.operations} operations × ${WHO.length} callers = ${report.cells} cells, ` +
      `${report.leaks.length} leaks, ${report.mismatches.length} other mismatches`,
  );
  for (const line of [...report.leaks, ...report.mismatches]) console.log(`  ${line}`);
});

describe("authorization matrix generated from the OpenAPI document", () => {
  const doc = buildOpenApiDocument("http://localhost") as unknown as { paths: Record<string, Record<string, unknown>> };
  const ops = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));

  it("has a row for every operation of the document, and none for an operation it lacks", () => {
    const missing = ops.filter((op) => !EXPECTED[op]);
    const stale = Object.keys(EXPECTED).filter((op) => !ops.includes(op));
    expect(missing, "operations without expected outcomes: add their rows to EXPECTED in tests/integration/authz-matrix.test.ts").toEqual([]);
    expect(stale, "rows for operations the document no longer has").toEqual([]);
  });

  it("every cell answers as the table says, and nothing unpublished reaches readers, outsiders or anonymous callers", async () => {
    const people = await matrixPeople();
    let world = await matrixWorld(people);
    let worlds = 1;
    let dirty = false;
    for (const op of ops) {
      const rows = EXPECTED[op];
      if (!rows) continue;
      report.operations++;
      const [method, path] = op.split(" ") as [string, string];
      for (const row of rows) {
        for (const who of WHO) {
          if (dirty) {
            // The old world's articles go (with their claims), so a draft published by a
            // previous cell does not count as a leak in the next world.
            await db.article.deleteMany({ where: { workspaceId: people.workspace.id } });
            world = await matrixWorld(people);
            worlds++;
            dirty = false;
          }
          const { status, text, sent } = await call(world, who, method, path, row);
          report.cells++;
          const cell = `${op}${row.label ? ` (${row.label})` : ""} as ${who}`;
          const got = outcomeOf(status);
          const want = row.expect[who];
          if (got === "ok" && method !== "GET" && !row.repeatable) dirty = true;
          const granted = got === "ok" && row.grants ? row.grants(JSON.parse(text)) : null;
          if (granted === true && who !== "editor" && who !== "admin") report.leaks.push(`${cell}: granted — ${text.slice(0, 160)}`);
          if (granted === false && (who === "editor" || who === "admin")) report.mismatches.push(`${cell}: not granted — ${text.slice(0, 160)}`);
          if (got === "ok" && want !== "ok") report.leaks.push(`${cell}: ${status}, expected ${want}`);
          else if (got !== want) report.mismatches.push(`${cell}: ${status}, expected ${want} — ${text.slice(0, 160)}`);
          if (got === "ok" && who !== "editor" && who !== "admin") {
            const found = markersIn(text, sent);
            if (found.length) report.leaks.push(`${cell}: the answer carries ${found.join(", ")}`);
          }
        }
      }
    }
    console.log(`  ${worlds} worlds built`);
    expect(report.leaks).toEqual([]);
    expect(report.mismatches).toEqual([]);
  }, 600_000);

  it("the reader page and the embed of the published article show none of it (and of the draft: 404)", async () => {
    const f = await matrixWorld(await matrixPeople());
    for (const surface of ["/r/{slug}", "/embed/{slug}"]) {
      const published = await call(f, "anonymous", "GET", surface, { params: () => ({ slug: f.published.slug }), expect: EVERYONE });
      expect(published.status, surface).toBe(200);
      expect(published.text).toContain("Russia annexed Crimea");
      expect(markersIn(published.text), surface).toEqual([]);
      const draft = await call(f, "anonymous", "GET", surface, { params: () => ({ slug: f.draft.slug }), expect: NOBODY });
      expect(draft.status, surface).toBe(404);
      expect(markersIn(draft.text), surface).toEqual([]);
      report.cells += 2;
    }
  });
});
