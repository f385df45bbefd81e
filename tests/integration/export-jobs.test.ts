import { existsSync, utimesSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as START_EXPORT } from "@/app/api/v1/exports/jobs/route";
import { GET as GET_JOB } from "@/app/api/v1/jobs/[id]/route";
import { GET as DOWNLOAD_JOB } from "@/app/api/v1/jobs/[id]/download/route";
import { db } from "@/lib/db";
import type { JobView } from "@/lib/schemas/job";
import { cancelJob } from "@/lib/server/jobs/cancel-job";
import { getJob } from "@/lib/server/jobs/get-job";
import { purgeFinishedJobs } from "@/lib/server/jobs/purge-jobs";
import { runPendingJobs } from "@/lib/server/jobs/run-jobs";
import { startWorkspaceExport } from "@/lib/server/jobs/start-workspace-export";
import { getPublishedPage } from "@/lib/server/publishing/cached-page";
import { publishArticle } from "@/lib/server/publishing/publish-article";
import { purgeStalePageCache } from "@/lib/server/publishing/purge-page-cache";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

// Workspace exports as background jobs: queued with access checked at once, run by the job
// runner (renderings in the worker pool), progress and the file read back through the API by
// the member who asked, and nobody else; finished jobs and stale cached pages are purged.

type Ws = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

describe("workspace export jobs", () => {
  let ws: Ws;
  let tokens: { editor: string; editor2: string; outsider: string };
  const articleIds: string[] = [];

  beforeAll(async () => {
    ws = await createWorkspaceWithMembers();
    for (let i = 0; i < 4; i++) {
      const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, title: `Job export ${i}`, paragraphs: [`Paragraph ${i} says the budget grew by ${i} percent.`] });
      articleIds.push(article.id);
      await db.claim.create({
        data: { articleId: article.id, exact: "the budget grew", start: 12 + String(i).length, end: 27 + String(i).length, statement: `Budget claim ${i}`, verdictKey: "true", status: "DRAFT", createdById: ws.users.editor.id, updatedById: ws.users.editor.id },
      });
    }
    tokens = {
      editor: (await createApiToken({ actor: ws.actors.editor, input: { name: "t" } })).token,
      editor2: (await createApiToken({ actor: ws.actors.editor2, input: { name: "t" } })).token,
      outsider: (await createApiToken({ actor: ws.actors.outsider, input: { name: "t" } })).token,
    };
  });

  const request = (url: string, token: string, body?: unknown) =>
    new NextRequest(new URL(url, "http://localhost"), {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
  const noParams = { params: Promise.resolve({}) } as { params: Promise<Record<string, never>> };

  it("queues a ZIP export, reports progress to the end, and serves the ZIP built on the server", async () => {
    const started = await START_EXPORT(request("/api/v1/exports/jobs", tokens.editor, { workspace: ws.workspace.slug, format: "zip", articleFormat: "md", scope: "all" }), noParams);
    expect(started.status).toBe(202);
    const job = (await started.json()) as JobView;
    expect(job).toMatchObject({ kind: "export.workspace", total: 4, result: null });
    expect(["QUEUED", "RUNNING"]).toContain(job.status);

    await runPendingJobs();
    const done = (await (await GET_JOB(request(`/api/v1/jobs/${job.id}`, tokens.editor), idParams(job.id))).json()) as JobView;
    expect(done).toMatchObject({ status: "SUCCEEDED", progress: 4, total: 4, error: null, message: "Exported 4 articles" });
    expect(done.result).toMatchObject({ contentType: "application/zip", downloadUrl: `/api/v1/jobs/${job.id}/download` });
    expect(done.result!.filename).toMatch(new RegExp(`^${ws.workspace.slug}-internal-md-\\d{4}-\\d{2}-\\d{2}\\.zip$`));

    const download = await DOWNLOAD_JOB(request(done.result!.downloadUrl, tokens.editor), idParams(job.id));
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain(done.result!.filename);
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    expect(Object.keys(files)).toHaveLength(4);
    const texts = Object.values(files).map((f) => strFromU8(f)).join("\n");
    for (let i = 0; i < 4; i++) expect(texts).toContain(`Budget claim ${i}`);
    expect(Number(download.headers.get("content-length"))).toBe(done.result!.size);
  });

  it("CSV and JSON run as jobs too", async () => {
    const csv = await startWorkspaceExport({ actor: ws.actors.editor, query: { workspace: ws.workspace.id, format: "csv", scope: "all" } });
    const json = await startWorkspaceExport({ actor: ws.actors.editor, query: { workspace: ws.workspace.id, format: "json", scope: "all" } });
    await runPendingJobs();
    const csvDone = await getJob({ actor: ws.actors.editor, jobId: csv.id });
    expect(csvDone).toMatchObject({ status: "SUCCEEDED", progress: 4 });
    const body = await new Response((await DOWNLOAD_JOB(request(csvDone.result!.downloadUrl, tokens.editor), idParams(csv.id))).body).text();
    expect(body.trim().split("\n")).toHaveLength(5); // header + one claim per article
    const jsonDone = await getJob({ actor: ws.actors.editor, jobId: json.id });
    const parsed = (await (await DOWNLOAD_JOB(request(jsonDone.result!.downloadUrl, tokens.editor), idParams(json.id))).json()) as { articleCount: number };
    expect(parsed.articleCount).toBe(4);
  });

  it("only the member who asked sees the job; readers cannot queue internal exports; outsiders cannot queue at all", async () => {
    const job = await startWorkspaceExport({ actor: ws.actors.editor, query: { workspace: ws.workspace.id, format: "csv", scope: "published" } });
    await runPendingJobs();
    expect((await GET_JOB(request(`/api/v1/jobs/${job.id}`, tokens.editor2), idParams(job.id))).status).toBe(404);
    expect((await DOWNLOAD_JOB(request(`/api/v1/jobs/${job.id}/download`, tokens.outsider), idParams(job.id))).status).toBe(404);
    await expect(startWorkspaceExport({ actor: ws.actors.reader, query: { workspace: ws.workspace.id, format: "zip", scope: "all" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startWorkspaceExport({ actor: ws.actors.outsider, query: { workspace: ws.workspace.id, format: "zip", scope: "published" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(startWorkspaceExport({ actor: null, query: { workspace: ws.workspace.id, format: "zip", scope: "published" } })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const bad = await START_EXPORT(request("/api/v1/exports/jobs", tokens.editor, { workspace: ws.workspace.id, format: "xml", scope: "published" }), noParams);
    expect(bad.status).toBe(400);

    // A member removed after asking loses the job (and its file) at once.
    await db.membership.updateMany({ where: { userId: ws.users.editor.id, workspaceId: ws.workspace.id }, data: { active: false } });
    try {
      expect((await GET_JOB(request(`/api/v1/jobs/${job.id}`, tokens.editor), idParams(job.id))).status).toBe(404);
    } finally {
      await db.membership.updateMany({ where: { userId: ws.users.editor.id, workspaceId: ws.workspace.id }, data: { active: true } });
    }
  });

  it("the member who asked can cancel an unfinished job; nobody else can", async () => {
    const job = await db.job.create({
      data: { type: "export.workspace", workspaceId: ws.workspace.id, createdById: ws.users.editor.id, payload: JSON.stringify({ workspace: ws.workspace.id, format: "csv", scope: "all" }), total: 4, runAfter: new Date(Date.now() + 3_600_000) },
    });
    await expect(cancelJob({ actor: ws.actors.editor2, jobId: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await cancelJob({ actor: ws.actors.editor, jobId: job.id })).toMatchObject({ status: "CANCELLED", result: null });
    await db.job.update({ where: { id: job.id }, data: { runAfter: new Date() } });
    await runPendingJobs();
    expect(await getJob({ actor: ws.actors.editor, jobId: job.id })).toMatchObject({ status: "CANCELLED", progress: 0 });
  });

  it("a job whose access went away before it ran fails with a message", async () => {
    // Queued by an editor who is a reader by the time the runner gets to it.
    const job = await db.job.create({
      data: { type: "export.workspace", workspaceId: ws.workspace.id, createdById: ws.users.editor2.id, payload: JSON.stringify({ workspace: ws.workspace.id, format: "zip", articleFormat: "md", scope: "all" }), total: 4 },
    });
    await db.membership.updateMany({ where: { userId: ws.users.editor2.id, workspaceId: ws.workspace.id }, data: { role: "READER" } });
    try {
      await runPendingJobs();
      const failed = await getJob({ actor: ws.actors.editor2, jobId: job.id });
      expect(failed).toMatchObject({ status: "FAILED", result: null });
      expect(failed.error).toContain("Only editors and admins");
    } finally {
      await db.membership.updateMany({ where: { userId: ws.users.editor2.id, workspaceId: ws.workspace.id }, data: { role: "EDITOR" } });
    }
  });

  it("purges finished jobs past retention with their files, and stale cached pages", async () => {
    const job = await startWorkspaceExport({ actor: ws.actors.editor, query: { workspace: ws.workspace.id, format: "csv", scope: "published" } });
    await runPendingJobs();
    const row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(existsSync(row.resultPath!)).toBe(true);
    const old = new Date(Date.now() - 48 * 3_600_000);
    await db.job.update({ where: { id: job.id }, data: { finishedAt: old } });
    utimesSync(row.resultPath!, old, old);
    const purged = await purgeFinishedJobs();
    expect(purged.jobs).toBeGreaterThanOrEqual(1);
    expect(await db.job.findUnique({ where: { id: job.id } })).toBeNull();
    expect(existsSync(row.resultPath!)).toBe(false);

    // A reader page cached for publication 1 goes stale when publication 2 exists; a page of an older renderer is stale.
    const articleId = articleIds[0];
    await db.claim.updateMany({ where: { articleId }, data: { status: "APPROVED", approvedById: ws.users.editor2.id, approvedAt: new Date() } });
    await publishArticle({ actor: ws.actors.editor, articleId });
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    await getPublishedPage({ actor: ws.actors.editor, slug: article.slug, variant: "reader" });
    const [current] = await db.pageCache.findMany({ where: { key: { startsWith: `reader:${articleId}:` } } });
    expect(current).toBeDefined();
    const stale = { key: `reader:${articleId}:old-publication:PUBLIC:v1`, etag: '"x"', contentType: "text/html", body: "csp\n<p>old</p>" };
    const oldRenderer = { ...stale, key: current.key.replace(/:v\d+$/, ":v0") };
    await db.pageCache.createMany({ data: [stale, oldRenderer] });
    expect(await purgeStalePageCache()).toBeGreaterThanOrEqual(2);
    const left = (await db.pageCache.findMany({ where: { key: { startsWith: `reader:${articleId}:` } } })).map((r) => r.key);
    expect(left).toEqual([current.key]);
  });
});
