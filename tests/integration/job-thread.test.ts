import { strFromU8, unzipSync } from "fflate";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as EXPORT_WORKSPACE } from "@/app/api/v1/exports/route";
import { db } from "@/lib/db";
import { workspaceExportQuerySchema } from "@/lib/exporting/request";
import type { JobView } from "@/lib/schemas/job";
import { exportWorkspace } from "@/lib/server/exports/export-workspace";
import { getJob, getJobDownload } from "@/lib/server/jobs/get-job";
import { startJobThread, stopJobThread } from "@/lib/server/jobs/job-thread";
import { runnerId } from "@/lib/server/jobs/run-jobs";
import { startWorkspaceExport } from "@/lib/server/jobs/start-workspace-export";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

// A server runs its background jobs in the job thread (its own database client, lower priority):
// a queued workspace export is claimed and written there, the request thread's runner never
// runs, and the file is the one the request thread builds for the same export. A synchronous
// workspace export (GET /api/v1/exports) is written there too: the request thread reads no article.

type Ws = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;

async function settled(actor: Ws["actors"]["editor"], jobId: string): Promise<JobView> {
  for (;;) {
    const job = await getJob({ actor, jobId });
    if (job.status !== "QUEUED" && job.status !== "RUNNING") return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the job thread", () => {
  let ws: Ws;

  beforeAll(async () => {
    ws = await createWorkspaceWithMembers();
    for (let i = 0; i < 3; i++) {
      const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, title: `Thread export ${i}`, paragraphs: [`Paragraph ${i} says the budget grew by ${i} percent.`] });
      await db.claim.create({
        data: { articleId: article.id, exact: "the budget grew", start: 12 + String(i).length, end: 27 + String(i).length, statement: `Thread claim ${i}`, verdictKey: "true", status: "DRAFT", createdById: ws.users.editor.id, updatedById: ws.users.editor.id },
      });
    }
    startJobThread();
  });

  afterAll(() => stopJobThread());

  // Generous: the thread loads the server code through tsx at a low priority (164 s at load 25).
  it("runs a queued ZIP export to the end and stores the file the request thread would build", { timeout: 480_000 }, async () => {
    const query = { workspace: ws.workspace.id, format: "zip", articleFormat: "md", scope: "all" } as const;
    const queued = await startWorkspaceExport({ actor: ws.actors.editor, query });
    const done = await settled(ws.actors.editor, queued.id);
    expect(done).toMatchObject({ status: "SUCCEEDED", progress: 3, total: 3, message: "Exported 3 articles", error: null });
    // Claimed by the job thread's runner (same process, its own runner), not this thread's.
    const row = await db.job.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row.lockedBy).toMatch(new RegExp(`^${process.pid}-`));
    expect(row.lockedBy).not.toBe(runnerId);

    const download = await getJobDownload({ actor: ws.actors.editor, jobId: queued.id });
    const stored = new Uint8Array(await new Response(download.stream).arrayBuffer());
    const here = await exportWorkspace({ actor: ws.actors.editor, query, now: new Date(done.createdAt) });
    expect(download.filename).toBe(here.filename);
    expect(Buffer.from(stored).equals(Buffer.from(here.body))).toBe(true);
    const texts = Object.values(unzipSync(stored)).map((f) => strFromU8(f)).join("\n");
    for (let i = 0; i < 3; i++) expect(texts).toContain(`Thread claim ${i}`);
  });

  it("writes a synchronous workspace export (GET /api/v1/exports) in the job thread and streams the same file", { timeout: 480_000 }, async () => {
    const token = (await createApiToken({ actor: ws.actors.editor, input: { name: "sync export" } })).token;
    const noParams = { params: Promise.resolve({}) } as { params: Promise<Record<string, never>> };
    const get = (format: string) =>
      EXPORT_WORKSPACE(new NextRequest(new URL(`http://localhost/api/v1/exports?workspace=${ws.workspace.slug}&${format}&scope=all`), { headers: { authorization: `Bearer ${token}` } }), noParams);
    for (const format of ["format=csv", "format=json", "format=zip&articleFormat=md"]) {
      // Every article is read in a transaction of its own (write-workspace-export.ts): none may run on this thread.
      const transactions = vi.spyOn(db, "$transaction");
      const res = await get(format);
      expect(transactions).not.toHaveBeenCalled();
      transactions.mockRestore();
      expect(res.status).toBe(200);
      const body = new Uint8Array(await res.arrayBuffer());
      expect(res.headers.get("content-length")).toBe(String(body.byteLength));
      // The file this thread builds for the same request (same day: file names and dates agree).
      const here = await exportWorkspace({ actor: ws.actors.editor, query: workspaceExportQuerySchema.parse(Object.fromEntries(new URLSearchParams(`workspace=${ws.workspace.slug}&${format}&scope=all`))), now: new Date() });
      expect(res.headers.get("content-disposition")).toContain(here.filename);
      if (format === "format=csv") expect(Buffer.from(body).equals(Buffer.from(here.body))).toBe(true);
      const text = format.startsWith("format=zip") ? Object.values(unzipSync(body)).map((f) => strFromU8(f)).join("\n") : strFromU8(body);
      for (let i = 0; i < 3; i++) expect(text).toContain(`Thread claim ${i}`);
    }
  });
});
