import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Document, Packer, Paragraph, HeadingLevel } from "docx";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET as GET_ONE } from "@/app/api/v1/articles/[id]/route";
import { POST as PREVIEW } from "@/app/api/v1/articles/preview/route";
import { GET, POST } from "@/app/api/v1/articles/route";
import { db } from "@/lib/db";
import { canonicalText } from "@/lib/document/canonical-text";
import { createArticle, sha256 } from "@/lib/server/articles/create-article";
import { deleteArticle } from "@/lib/server/articles/delete-article";
import { getArticle } from "@/lib/server/articles/get-article";
import { listArticles } from "@/lib/server/articles/list-articles";
import { previewArticleImport } from "@/lib/server/articles/preview-article-import";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { loadSampleArticle } from "@/scripts/seed-sample-article";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

const SAMPLE = readFileSync(path.resolve(__dirname, "../../../shared/fixtures/articles/biden-putin-scraped.txt"), "utf8");
const SAMPLE_TITLE = "Biden, Putin Talk as Russian Leader Seeks to Redraw European Security Arrangements";

type World = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;
let w: World;

beforeAll(async () => {
  w = await createWorkspaceWithMembers();
});

describe("createArticle", () => {
  it("stores the cleaned sample with its canonical text, hash, removed blocks, slug and an audit row", async () => {
    const article = await createArticle({ actor: w.actors.editor, workspaceId: w.workspace.id, input: { source: { kind: "text", text: SAMPLE } } });
    expect(article.title).toBe(SAMPLE_TITLE);
    expect(article.metadata.byline).toBe("Michael R. Gordon");
    expect(article.importKind).toBe("text");
    expect(article.status).toBe("DRAFT");
    expect(article.canonicalText).toBe(canonicalText(article.document));
    expect(article.contentHash).toBe(sha256(article.canonicalText));
    expect(article.canonicalText).not.toContain("Advertisement");
    expect(article.removedBlocks.length).toBeGreaterThanOrEqual(10);
    expect(article.slug).toMatch(/^biden-putin-talk-as-russian-leader-seeks-to-redraw-european/);

    const row = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(row.canonicalText).toBe(article.canonicalText);
    expect(JSON.parse(row.removedBlocks)).toEqual(article.removedBlocks);
    const audit = await db.auditEvent.findMany({ where: { articleId: article.id } });
    expect(audit.map((a) => a.action)).toEqual(["article.create"]);
    expect(audit[0].actorId).toBe(w.users.editor.id);

    // The same title again gets the next free slug. Slugs are global and other test files import
    // the same sample in parallel, so the first one may already carry a number: the second one's is higher.
    const again = await createArticle({ actor: w.actors.admin, workspaceId: w.workspace.id, input: { source: { kind: "text", text: SAMPLE } } });
    const numbered = /^(.*?)(?:-(\d+))?$/;
    const [, base, first] = numbered.exec(article.slug)!;
    const [, againBase, second] = numbered.exec(again.slug)!;
    expect(againBase).toBe(base);
    expect(Number(second)).toBeGreaterThan(Number(first ?? 1));
  });

  it("applies the editor's metadata and restored blocks", async () => {
    const preview = await previewArticleImport({ actor: w.actors.editor, workspaceId: w.workspace.id, input: { source: { kind: "text", text: SAMPLE } } });
    const dmca = preview.removedBlocks.find((b) => b.text === "DMCA / Correction Notice")!;
    const article = await createArticle({
      actor: w.actors.editor,
      workspaceId: w.workspace.id,
      input: {
        source: { kind: "text", text: SAMPLE },
        metadata: { title: "Edited title", byline: "M. Gordon", publishedAt: "2021-12-30", sourceUrl: "https://news.example/biden-putin", language: "en" },
        restore: [dmca.index],
      },
    });
    expect(article.title).toBe("Edited title");
    expect(article.metadata).toMatchObject({ byline: "M. Gordon", sourceUrl: "https://news.example/biden-putin", language: "en", publishedAt: "2021-12-30T00:00:00.000Z" });
    expect(article.canonicalText.endsWith("DMCA / Correction Notice")).toBe(true);
    expect(article.removedBlocks.map((b) => b.index)).not.toContain(dmca.index);
  });

  it("imports a .docx file and HTML", async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph({ text: "Docx Headline Here", heading: HeadingLevel.HEADING_1 }), new Paragraph("Body of the docx story.")] }] });
    const data = new Uint8Array(await Packer.toBuffer(doc));
    const fromDocx = await createArticle({ actor: w.actors.editor, workspaceId: w.workspace.id, input: { source: { kind: "file", filename: "s.docx", data } } });
    expect(fromDocx).toMatchObject({ title: "Docx Headline Here", importKind: "docx", canonicalText: "Body of the docx story." });
    const fromHtml = await createArticle({
      actor: w.actors.editor,
      workspaceId: w.workspace.id,
      input: { source: { kind: "html", html: "<h1>Html Headline</h1><p>Para <b>one</b>.</p><script>alert(1)</script>" } },
    });
    expect(fromHtml.canonicalText).toBe("Para one.");
    expect(JSON.stringify(fromHtml.document)).not.toContain("alert");
  });

  it("lets only editors and admins import; outsiders get NOT_FOUND, anonymous UNAUTHORIZED; nothing is half-saved", async () => {
    const input = { source: { kind: "text" as const, text: "A short story. It has two sentences." } };
    const before = await db.article.count({ where: { workspaceId: w.workspace.id } });
    await expect(createArticle({ actor: w.actors.reader, workspaceId: w.workspace.id, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createArticle({ actor: w.actors.outsider, workspaceId: w.workspace.id, input })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createArticle({ actor: null, workspaceId: w.workspace.id, input })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(previewArticleImport({ actor: w.actors.reader, workspaceId: w.workspace.id, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createArticle({ actor: w.actors.editor, workspaceId: w.workspace.id, input: { source: { kind: "text", text: "" } } })).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
    await expect(
      createArticle({ actor: w.actors.editor, workspaceId: w.workspace.id, input: { source: { kind: "file", filename: "x.docx", data: new Uint8Array([1, 2, 3]) } } }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(await db.article.count({ where: { workspaceId: w.workspace.id } })).toBe(before);
  });

  it("refuses to fetch a local URL before saving anything", async () => {
    await expect(
      createArticle({ actor: w.actors.editor, workspaceId: w.workspace.id, input: { source: { kind: "url", url: "http://127.0.0.1:9/" } } }),
    ).rejects.toMatchObject({ code: "VALIDATION_ERROR", message: expect.stringMatching(/loopback/) });
  });
});

describe("listArticles, getArticle, deleteArticle", () => {
  let ws: World;
  let published: { id: string };
  let draft: { id: string };

  beforeAll(async () => {
    ws = await createWorkspaceWithMembers();
    draft = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, title: "Zebra crossings draft", paragraphs: ["Council debates zebra crossings."] });
    published = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, title: "Alpha budget story", status: "PUBLISHED", paragraphs: ["The budget rose by 4 percent."] });
    await db.claim.create({
      data: { articleId: published.id, exact: "budget", start: 4, end: 10, statement: "budget", status: "PUBLISHED", createdById: ws.users.editor.id, updatedById: ws.users.editor.id },
    });
    await db.claim.create({
      data: { articleId: published.id, exact: "rose", start: 11, end: 15, statement: "rose", createdById: ws.users.editor.id, updatedById: ws.users.editor.id },
    });
    await db.claim.create({
      data: { articleId: published.id, exact: "The", start: 0, end: 3, statement: "gone", deletedAt: new Date(), createdById: ws.users.editor.id, updatedById: ws.users.editor.id },
    });
    await db.article.update({ where: { id: draft.id }, data: { byline: "Jane Byline" } });
  });

  it("lists with claim counts of live claims, sorts and filters", async () => {
    const all = await listArticles({ actor: ws.actors.editor, workspaceId: ws.workspace.id, sort: "title" });
    expect(all.total).toBe(2);
    expect(all.items.map((a) => a.title)).toEqual(["Alpha budget story", "Zebra crossings draft"]);
    expect(all.items[0].claimCount).toBe(2);
    const drafts = await listArticles({ actor: ws.actors.editor, workspaceId: ws.workspace.id, status: "DRAFT" });
    expect(drafts.items.map((a) => a.id)).toEqual([draft.id]);
    const paged = await listArticles({ actor: ws.actors.editor, workspaceId: ws.workspace.id, sort: "title", page: 2, pageSize: 1 });
    expect(paged.items.map((a) => a.title)).toEqual(["Zebra crossings draft"]);
    expect(paged.total).toBe(2);
  });

  it("searches title, byline and text, case-insensitively", async () => {
    const search = async (q: string) => (await listArticles({ actor: ws.actors.editor, workspaceId: ws.workspace.id, q })).items.map((a) => a.id);
    expect(await search("ZEBRA")).toEqual([draft.id]);
    expect(await search("jane byline")).toEqual([draft.id]);
    expect(await search("4 percent")).toEqual([published.id]);
    expect(await search("nothing like this")).toEqual([]);
  });

  it("shows readers published articles only, with published claims; outsiders NOT_FOUND; anonymous UNAUTHORIZED", async () => {
    const forReader = await listArticles({ actor: ws.actors.reader, workspaceId: ws.workspace.id });
    expect(forReader.items.map((a) => a.id)).toEqual([published.id]);
    expect(forReader.items[0].claimCount).toBe(1);
    await expect(listArticles({ actor: ws.actors.outsider, workspaceId: ws.workspace.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listArticles({ actor: null, workspaceId: ws.workspace.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    expect((await getArticle({ actor: ws.actors.reader, articleId: published.id })).claimCount).toBe(1);
    expect((await getArticle({ actor: ws.actors.editor, articleId: published.id })).claimCount).toBe(2);
    await expect(getArticle({ actor: ws.actors.reader, articleId: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getArticle({ actor: ws.actors.outsider, articleId: published.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getArticle({ actor: null, articleId: published.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("deletes softly, editors and admins only, with an audit event", async () => {
    await expect(deleteArticle({ actor: ws.actors.reader, articleId: published.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteArticle({ actor: ws.actors.reader, articleId: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteArticle({ actor: ws.actors.outsider, articleId: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteArticle({ actor: null, articleId: draft.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const result = await deleteArticle({ actor: ws.actors.editor2, articleId: draft.id });
    expect(result.id).toBe(draft.id);
    const row = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row.deletedAt).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { articleId: draft.id, action: "article.delete" } });
    expect(audit.actorId).toBe(ws.users.editor2.id);
    await expect(getArticle({ actor: ws.actors.editor, articleId: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listArticles({ actor: ws.actors.editor, workspaceId: ws.workspace.id })).items.map((a) => a.id)).toEqual([published.id]);
    await expect(deleteArticle({ actor: ws.actors.editor, articleId: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("loadSampleArticle", () => {
  it("imports the sample through createArticle once, and does nothing the second time", async () => {
    const ws = await createWorkspaceWithMembers();
    const first = await loadSampleArticle({ actor: ws.actors.admin, workspaceId: ws.workspace.id });
    expect(first.created).toBe(true);
    const second = await loadSampleArticle({ actor: ws.actors.admin, workspaceId: ws.workspace.id });
    expect(second).toEqual({ id: first.id, created: false });
    const rows = await db.article.findMany({ where: { workspaceId: ws.workspace.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].title).toBe(SAMPLE_TITLE);
    expect(rows[0].byline).toBe("Michael R. Gordon");
  });
});

describe("articles API", () => {
  let ws: World;
  let editorToken: string;
  let readerToken: string;
  let outsiderToken: string;

  beforeAll(async () => {
    ws = await createWorkspaceWithMembers();
    editorToken = (await createApiToken({ actor: ws.actors.editor, input: { name: "t" } })).token;
    readerToken = (await createApiToken({ actor: ws.actors.reader, input: { name: "t" } })).token;
    outsiderToken = (await createApiToken({ actor: ws.actors.outsider, input: { name: "t" } })).token;
  });

  const request = (url: string, token: string | null, init: { method?: string; body?: BodyInit; headers?: Record<string, string> } = {}) =>
    new NextRequest(new URL(url, "http://localhost"), {
      method: init.method ?? "GET",
      body: init.body,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
    });
  const jsonPost = (url: string, token: string | null, body: unknown) =>
    request(url, token, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  const noParams = { params: Promise.resolve({}) } as { params: Promise<Record<string, never>> };
  const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

  it("POST imports text and answers 201 with the article", async () => {
    const res = await POST(jsonPost("/api/v1/articles", editorToken, { text: SAMPLE, workspace: ws.workspace.slug, byline: "Override Byline" }), noParams);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ title: SAMPLE_TITLE, metadata: { byline: "Override Byline" }, workspaceId: ws.workspace.id });
    expect(body.canonicalText).toContain("Mr Putin");
    expect(Array.isArray(body.removedBlocks)).toBe(true);
    expect(body.document.type).toBe("doc");

    const one = await GET_ONE(request(`/api/v1/articles/${body.id}`, editorToken), idParams(body.id));
    expect(one.status).toBe(200);
    expect((await one.json()).id).toBe(body.id);
  });

  it("POST accepts a multipart file", async () => {
    const form = new FormData();
    form.set("file", new File(["# Markdown Title\n\nThe *story* text."], "story.md", { type: "text/markdown" }));
    form.set("workspace", ws.workspace.id);
    const res = await POST(request("/api/v1/articles", editorToken, { method: "POST", body: form }), noParams);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ title: "Markdown Title", importKind: "markdown", canonicalText: "The story text." });
  });

  it("preview returns the import without saving", async () => {
    const before = await db.article.count({ where: { workspaceId: ws.workspace.id } });
    const res = await PREVIEW(jsonPost("/api/v1/articles/preview", editorToken, { text: SAMPLE }), noParams);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.metadata.title).toBe(SAMPLE_TITLE);
    expect(body.removedBlocks.some((b: { text: string }) => b.text === "- Advertisement -")).toBe(true);
    expect(await db.article.count({ where: { workspaceId: ws.workspace.id } })).toBe(before);
  });

  it("rejects unknown fields, zero or two content keys, and bad metadata with 400s that name them", async () => {
    const unknown = await POST(jsonPost("/api/v1/articles", editorToken, { text: "x", colour: "red" }), noParams);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toMatch(/Unknown field: colour/);
    const none = await POST(jsonPost("/api/v1/articles", editorToken, { title: "x" }), noParams);
    expect((await none.json()).error.message).toMatch(/exactly one of "text", "html", "markdown" or "url"/);
    const two = await POST(jsonPost("/api/v1/articles", editorToken, { text: "x", html: "<p>x</p>" }), noParams);
    expect((await two.json()).error.message).toMatch(/not "text" and "html"/);
    const badUrl = await POST(jsonPost("/api/v1/articles", editorToken, { text: "Story text here.", sourceUrl: "javascript:alert(1)" }), noParams);
    expect(badUrl.status).toBe(400);
    expect((await badUrl.json()).error.message).toMatch(/sourceUrl: The source URL must start with http/);
    const badType = await POST(request("/api/v1/articles", editorToken, { method: "POST", body: "x", headers: { "content-type": "text/csv" } }), noParams);
    expect(badType.status).toBe(415);
  });

  it("maps import errors to clear statuses", async () => {
    const empty = await POST(jsonPost("/api/v1/articles", editorToken, { text: "  " }), noParams);
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toMatch(/empty/);
    const noArticle = await POST(jsonPost("/api/v1/articles", editorToken, { html: "<script>x()</script>" }), noParams);
    expect(noArticle.status).toBe(422);
    const form = new FormData();
    form.set("file", new File([new Uint8Array([0x50, 0x4b, 0x01])], "bad.docx"));
    const badDocx = await POST(request("/api/v1/articles", editorToken, { method: "POST", body: form }), noParams);
    expect(badDocx.status).toBe(415);
    const local = await POST(jsonPost("/api/v1/articles", editorToken, { url: "http://[::1]/" }), noParams);
    expect(local.status).toBe(400);
    expect((await local.json()).error.message).toMatch(/loopback/);
  });

  it("GET lists with q, status and workspace; authorization holds", async () => {
    const list = await GET(request(`/api/v1/articles?workspace=${ws.workspace.slug}&q=Markdown&pageSize=5`, editorToken), noParams);
    expect(list.status).toBe(200);
    const body = await list.json();
    expect(body.items.map((a: { title: string }) => a.title)).toEqual(["Markdown Title"]);
    expect(body.pageSize).toBe(5);

    const reader = await GET(request(`/api/v1/articles?workspace=${ws.workspace.id}`, readerToken), noParams);
    expect((await reader.json()).items).toEqual([]);
    const readerPost = await POST(jsonPost("/api/v1/articles", readerToken, { text: "A story.", workspace: ws.workspace.slug }), noParams);
    expect(readerPost.status).toBe(403);
    const outsider = await GET(request(`/api/v1/articles?workspace=${ws.workspace.slug}`, outsiderToken), noParams);
    expect(outsider.status).toBe(404);
    // No session in a unit-run route: an unknown token stands in for "not signed in".
    const anonymous = await GET(request(`/api/v1/articles`, "fm_not_a_real_token"), noParams);
    expect(anonymous.status).toBe(401);
    const badStatus = await GET(request(`/api/v1/articles?status=LOST`, editorToken), noParams);
    expect(badStatus.status).toBe(400);
  });

  it("DELETE removes the article for editors; readers and outsiders cannot", async () => {
    const created = await (await POST(jsonPost("/api/v1/articles", editorToken, { text: "Delete Me Headline\n\nSome text of the story." }), noParams)).json();
    expect((await DELETE(request(`/api/v1/articles/${created.id}`, outsiderToken, { method: "DELETE" }), idParams(created.id))).status).toBe(404);
    expect((await DELETE(request(`/api/v1/articles/${created.id}`, readerToken, { method: "DELETE" }), idParams(created.id))).status).toBe(404);
    const res = await DELETE(request(`/api/v1/articles/${created.id}`, editorToken, { method: "DELETE" }), idParams(created.id));
    expect(res.status).toBe(200);
    expect((await GET_ONE(request(`/api/v1/articles/${created.id}`, editorToken), idParams(created.id))).status).toBe(404);
  });
});

describe("URL import end to end (test allowance)", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<html lang="en"><head><title>Served Story</title><meta property="og:site_name" content="Local News"></head><body><article><h1>Served Story</h1><p>${"The served story has sentences. ".repeat(30)}</p></article></body></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("is refused without the allowance (this process has none)", async () => {
    await expect(
      createArticle({ actor: w.actors.editor, workspaceId: w.workspace.id, input: { source: { kind: "url", url: `http://127.0.0.1:${port}/story` } } }),
    ).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
  });
});
