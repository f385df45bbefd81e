import "server-only";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import { env } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { ExportedFile, ExportFormat } from "@/lib/exporting";
import type { ReaderPageOptions, RenderedPage } from "@/lib/reader/render-reader";
import type { ReportBundle } from "@/lib/schemas/report";
import type { TaskReply, WorkspaceDocumentInput, ZipEntryFile } from "@/lib/workers/render-worker";

// The render pool: CPU-heavy renderings run in worker threads (piscina), never on the thread
// that answers requests, so a 2,000-article export or a 5,000-claim reader page leaves every
// other request answered. One worker by default on a 2-core machine (the other core answers
// requests); RENDER_WORKERS sets more. Idle workers exit after a minute.

/**
 * The bundled worker when the production build runs, else the TypeScript source through tsx (dev,
 * tests, CLI: a bundle left by an earlier build would run yesterday's code).
 */
function workerFile(): string {
  const bundled = path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "workers", "render-worker.cjs");
  if (process.env.NODE_ENV === "production" && existsSync(bundled)) return bundled;
  return path.join(process.cwd(), "lib", "workers", "render-worker.dev.cjs");
}

const g = globalThis as unknown as { __factmarkRenderPool?: Piscina };

function pool(): Piscina {
  if (g.__factmarkRenderPool) return g.__factmarkRenderPool;
  const threads = env().RENDER_WORKERS ?? Math.min(4, Math.max(1, os.availableParallelism() - 1));
  g.__factmarkRenderPool = new Piscina({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
    // Renders run at a lower CPU priority (Linux thread nice, via @napi-rs/nice): when cores are
    // short, the thread answering requests gets them first and a long export only waits longer.
    niceIncrement: 10,
    // A rendering that needs more than this is stopped, not the server.
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  return g.__factmarkRenderPool;
}

async function run<T>(name: string, input: unknown): Promise<T> {
  const answer = (await pool().run(input, { name })) as TaskReply<T>;
  if (answer.ok) return answer.value;
  if (answer.error.code) throw new AppError(answer.error.code as ErrorCode, answer.error.message, answer.error.details);
  throw new Error(`Rendering failed in a worker: ${answer.error.message}`);
}

/** One article in one export format, rendered off the request thread. */
export function renderArticleFile(bundle: ReportBundle, format: ExportFormat): Promise<ExportedFile> {
  return run("renderArticleFile", { bundle, format });
}

/** One article's report as a ZIP entry (rendered, then deflated unless PDF/DOCX), off the request thread. */
export function renderZipEntry(bundle: ReportBundle, format: ExportFormat): Promise<ZipEntryFile> {
  return run("renderZipEntry", { bundle, format });
}

/** A workspace CSV or JSON document over many bundles, off the request thread. */
export function renderWorkspaceDocument(input: WorkspaceDocumentInput): Promise<Uint8Array> {
  return run("renderWorkspaceDocument", input);
}

/** A reader or embed page, off the request thread. */
export function renderPublishedPage(variant: "reader" | "embed", bundle: ReportBundle, options: ReaderPageOptions): Promise<RenderedPage> {
  return run("renderPublishedPage", { variant, bundle, options });
}
