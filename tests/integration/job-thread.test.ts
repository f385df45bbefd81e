import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { JobView } from "@/lib/schemas/job";
import { exportWorkspace } from "@/lib/server/exports/export-workspace";
import { getJob, getJobDownload } from "@/lib/server/jobs/get-job";
import { startJobThread, stopJobThread } from "@/lib/server/jobs/job-thread";
import { runnerId } from "@/lib/server/jobs/run-jobs";
import { startWorkspaceExport } from "@/lib/server/jobs/start-workspace-export";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

// A server runs its background jobs in the job thread (its own database client, lower priority):
// a queued workspace export is claimed and written there, the request thread's runner never
// runs, and the file is the one the request thread builds for the same export.

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
});
