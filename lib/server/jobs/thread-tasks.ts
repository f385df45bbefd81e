import "server-only";
import { AppError, isAppError, type ErrorCode } from "@/lib/errors";
import type { WorkspaceExportPlan } from "@/lib/server/exports/export-workspace";
import { writeWorkspaceExport } from "@/lib/server/exports/write-workspace-export";

// Work a request hands to the job thread and waits for (job-thread.ts sends it, job-worker.ts
// runs it): the synchronous workspace export (GET /api/v1/exports) writes its file there, so the
// request thread only checks access beforehand and streams the file afterwards.

export interface ExportTask {
  kind: "export.workspace";
  taskId: number;
  plan: WorkspaceExportPlan;
  file: string;
}

export type TaskReply = { kind: "task.reply"; taskId: number; ok: true; size: number } | { kind: "task.reply"; taskId: number; ok: false; error: { code?: ErrorCode; message: string; details?: unknown } };

export function isExportTask(message: unknown): message is ExportTask {
  return typeof message === "object" && message !== null && (message as ExportTask).kind === "export.workspace";
}

export function isTaskReply(message: unknown): message is TaskReply {
  return typeof message === "object" && message !== null && (message as TaskReply).kind === "task.reply";
}

/** Runs the task (in the job thread) and describes its outcome in a message that survives structured cloning. */
export async function runExportTask(task: ExportTask): Promise<TaskReply> {
  try {
    const { size } = await writeWorkspaceExport(task.plan, task.file);
    return { kind: "task.reply", taskId: task.taskId, ok: true, size };
  } catch (e) {
    if (!isAppError(e)) console.error("A workspace export failed in the job thread:", e);
    const error = isAppError(e) ? { code: e.code, message: e.message, details: e.details } : { message: "The export failed on the server. Try again; if it fails again, export a shorter date range." };
    return { kind: "task.reply", taskId: task.taskId, ok: false, error };
  }
}

/** The error a failed reply stands for, on the requesting thread. */
export function replyError(error: Extract<TaskReply, { ok: false }>["error"]): Error {
  return new AppError(error.code ?? "INTERNAL", error.message, error.details);
}
