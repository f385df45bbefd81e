import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { createClaim } from "@/lib/server/claims/create-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { generateCases, writeOperations, type OpenApiDocument } from "../reliability/fuzz-openapi";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

// The light half of the reliability suite (the heavy half, against a running server, is
// `npm run test:reliability`): concurrent updates through the service, and a quick fuzz of
// every write operation of the OpenAPI document through the route handlers.

type World = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;
let w: World;
let token: string;
let articleId: string;
let claimIds: string[];

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
// The route module of an OpenAPI path, found where Next.js keeps it (`{id}` → `[id]`), so a
// new write operation is fuzzed without being listed here.
async function routeModule(openApiPath: string): Promise<Record<string, unknown> | undefined> {
  const file = path.join(process.cwd(), "app", openApiPath.replace(/\{([^}]+)\}/g, "[$1]"), "route.ts");
  return (await import(/* @vite-ignore */ file).catch(() => undefined)) as Record<string, unknown> | undefined;
}

beforeAll(async () => {
  w = await createWorkspaceWithMembers();
  token = (await createApiToken({ actor: w.actors.editor, input: { name: "quick fuzz" } })).token;
  const article = await createArticleRow({ workspaceId: w.workspace.id, createdById: w.users.editor.id });
  articleId = article.id;
  claimIds = [];
  for (const exact of ["Crimea", "Ukraine in 2014"]) {
    const claim = await createClaim({ actor: w.actors.editor, articleId, input: { target: { selector: [{ type: "TextQuoteSelector", exact }] }, statement: exact } });
    claimIds.push(claim.id);
  }
});

describe("concurrent updates of the same claims", () => {
  it("acknowledges or refuses with the current claim every update, and loses none", async () => {
    const known = new Map(claimIds.map((id) => [id, 1]));
    const acks: Array<{ claimId: string; version: number; statement: string }> = [];
    let conflicts = 0;
    await Promise.all(
      Array.from({ length: 6 }, async (_, c) => {
        for (let n = 0; n < 8; n++) {
          const claimId = claimIds[(c + n) % claimIds.length];
          const statement = `client ${c} update ${n}`;
          try {
            const claim = await updateClaim({ actor: w.actors.editor, claimId, version: known.get(claimId)!, patch: { statement } });
            acks.push({ claimId, version: claim.version, statement });
            known.set(claimId, Math.max(known.get(claimId)!, claim.version));
          } catch (e) {
            const details = (e as { code?: string; details?: { current?: { version: number } } }).details;
            expect((e as { code?: string }).code).toBe("CONFLICT");
            expect(details?.current?.version).toBeGreaterThan(1);
            known.set(claimId, Math.max(known.get(claimId)!, details!.current!.version));
            conflicts++;
          }
        }
      }),
    );
    expect(acks.length + conflicts).toBe(48);
    for (const claimId of claimIds) {
      const mine = acks.filter((a) => a.claimId === claimId).sort((a, b) => a.version - b.version);
      expect(mine.map((a) => a.version)).toEqual(mine.map((_, i) => i + 2));
      const row = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
      expect(row.version).toBe(mine.length + 1);
      expect(row.statement).toBe(mine.at(-1)?.statement ?? row.statement);
      const history = await db.auditEvent.findMany({ where: { claimId, action: "claim.update" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      expect(history.map((h) => (JSON.parse(h.after ?? "{}") as { statement?: string }).statement).sort()).toEqual(mine.map((a) => a.statement).sort());
    }
  });
});

describe("quick fuzz of every write operation in the OpenAPI document", () => {
  it("answers no 5xx, and every 4xx in the error shape", async () => {
    const doc = buildOpenApiDocument("http://localhost") as unknown as OpenApiDocument;
    const ops = writeOperations(doc);
    // Every write operation of the document has a handler, so none goes unfuzzed.
    const routes: Record<string, Record<string, unknown> | undefined> = {};
    for (const op of ops) {
      routes[op.path] ??= await routeModule(op.path);
      expect(typeof routes[op.path]?.[op.method], `${op.method} ${op.path}`).toBe("function");
    }

    const source = await db.source.create({ data: { claimId: claimIds[0], url: "https://example.org/r", title: "R", createdById: w.users.editor.id } }).catch(() => null);
    const ids = [articleId, ...claimIds, ...(source ? [source.id] : []), w.workspace.slug];
    const cases = generateCases(doc, ids, 240, 20261202).sort((a, b) => Number(a.method === "DELETE") - Number(b.method === "DELETE"));
    const failures: string[] = [];
    for (const c of cases) {
      const template = ops.find((op) => op.method === c.method && new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(c.path))!.path;
      const parts = c.path.split("/");
      const params = Object.fromEntries(template.split("/").flatMap((seg, i) => (/^\{.+\}$/.test(seg) ? [[seg.slice(1, -1), decodeURIComponent(parts[i]!)]] : [])));
      const handler = routes[template]![c.method] as Handler;
      const req = new NextRequest(new URL(c.path, "http://localhost"), {
        method: c.method,
        body: c.body,
        headers: { authorization: `Bearer ${token}`, ...(c.contentType ? { "content-type": c.contentType } : {}) },
      });
      const res = await handler(req, { params: Promise.resolve<Record<string, string>>(params) });
      const text = await res.text();
      if (res.status >= 500) failures.push(`${c.method} ${c.path} → ${res.status} ${text.slice(0, 200)} (body ${String(c.body).slice(0, 200)})`);
      if (res.status >= 400 && res.status < 500) {
        const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
        if (typeof parsed.error?.code !== "string" || typeof parsed.error?.message !== "string") failures.push(`${c.method} ${c.path} → ${res.status} without the error shape`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
