import "server-only";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const BATCH = 500;

/**
 * Deletes finished jobs older than JOB_RETENTION_HOURS with their files, and files in EXPORT_DIR
 * that no job owns any more (a workspace deleted with its jobs, a crash mid-write).
 */
export async function purgeFinishedJobs(now = new Date()): Promise<{ jobs: number; files: number }> {
  const cutoff = new Date(now.getTime() - env().JOB_RETENTION_HOURS * 3_600_000);
  let jobs = 0;
  let files = 0;
  for (;;) {
    const old = await db.job.findMany({
      where: { status: { in: ["SUCCEEDED", "FAILED", "CANCELLED"] }, finishedAt: { lt: cutoff } },
      select: { id: true, resultPath: true },
      take: BATCH,
    });
    if (old.length === 0) break;
    for (const j of old) if (j.resultPath) files += await removeFile(j.resultPath);
    jobs += (await db.job.deleteMany({ where: { id: { in: old.map((j) => j.id) } } })).count;
  }
  const dir = path.resolve(env().EXPORT_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || info.mtime >= cutoff) continue;
    const owner = await db.job.findFirst({ where: { resultPath: file }, select: { id: true } });
    if (!owner) files += await removeFile(file);
  }
  return { jobs, files };
}

async function removeFile(file: string): Promise<number> {
  return rm(file).then(
    () => 1,
    () => 0,
  );
}
