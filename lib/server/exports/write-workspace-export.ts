import "server-only";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { crc32 } from "node:zlib";
import { Zip, type ZipInputFile } from "fflate";
import { db } from "@/lib/db";
import type { ReportBundle } from "@/lib/schemas/report";
import { bundleForArticle } from "@/lib/server/reports/build-report-bundle";
import { renderWorkspaceDocument, renderZipEntry } from "@/lib/server/workers/render-pool";
import type { WorkspaceExportPlan } from "./export-workspace";

// Writes a planned workspace export to a file. Bundles are read from the database here (I/O);
// every rendering, and the deflating of ZIP entries, happens in the render pool, so this thread
// only copies bytes. A few articles are in flight at once so the database and the workers overlap.

const IN_FLIGHT = 3;

export type ExportProgress = (done: number, total: number) => void | Promise<void>;

function loadBundle(plan: WorkspaceExportPlan, articleId: string): Promise<ReportBundle> {
  return db.$transaction((tx) => bundleForArticle(tx, articleId, plan.scope, plan.now));
}

/** Runs `work` over the articles with a few in flight, handing results over in order. */
async function inOrder<T>(plan: WorkspaceExportPlan, work: (articleId: string) => Promise<T>, take: (value: T, index: number) => Promise<void>) {
  const pending: Promise<T>[] = [];
  let next = 0;
  const fill = () => {
    while (next < plan.articles.length && pending.length < IN_FLIGHT) {
      const p = work(plan.articles[next++].id);
      p.catch(() => {}); // awaited below, in order
      pending.push(p);
    }
  };
  fill();
  for (let i = 0; i < plan.articles.length; i++) {
    const value = await pending.shift()!;
    fill();
    await take(value, i);
  }
}

export async function writeWorkspaceExport(plan: WorkspaceExportPlan, file: string, onProgress: ExportProgress = () => {}): Promise<{ size: number }> {
  const total = plan.articles.length;
  const out = createWriteStream(file);
  const closed = finished(out);
  closed.catch(() => {});
  let size = 0;
  const write = async (chunk: Uint8Array) => {
    size += chunk.byteLength;
    if (!out.write(chunk)) await once(out, "drain");
  };
  try {
    if (plan.format !== "zip") {
      const bundles: ReportBundle[] = [];
      await inOrder(plan, (id) => loadBundle(plan, id), async (bundle, i) => {
        bundles.push(bundle);
        await onProgress(i + 1, total);
      });
      const header = {
        workspace: { slug: plan.workspace.slug, name: plan.workspace.name },
        scope: plan.scope,
        range: { from: plan.from ?? null, to: plan.to ?? null },
        generatedAt: plan.now.toISOString(),
      };
      await write(await renderWorkspaceDocument({ format: plan.format, bundles, header }));
    } else {
      const chunks: Uint8Array[] = [];
      const zip = new Zip((err, chunk) => {
        if (err) throw err;
        chunks.push(chunk);
      });
      const flush = async () => {
        for (const chunk of chunks.splice(0)) await write(chunk);
      };
      const names = new Set<string>();
      const add = async (entry: { filename: string; body: Uint8Array; crc: number; size: number; compression: 0 | 8 }) => {
        const input: ZipInputFile = { filename: uniqueName(names, entry.filename), size: entry.size, crc: entry.crc, compression: entry.compression, mtime: plan.now };
        names.add(input.filename);
        zip.add(input);
        input.ondata!(null, entry.body as Uint8Array<ArrayBuffer>, true);
        await flush();
      };
      await inOrder(plan, async (id) => renderZipEntry(await loadBundle(plan, id), plan.articleFormat!), async (entry, i) => {
        await add(entry);
        await onProgress(i + 1, total);
      });
      if (total === 0) {
        const body = new TextEncoder().encode("No articles matched this export.\n");
        await add({ filename: "README.txt", body, crc: crc32(body), size: body.byteLength, compression: 0 });
      }
      zip.end();
      await flush();
    }
    out.end();
    await closed;
    return { size };
  } catch (e) {
    out.destroy();
    throw e;
  }
}

/** Two articles can share a file name only if their slugs collide after sanitising: number them. */
export function uniqueName(taken: Set<string>, name: string): string {
  if (!taken.has(name)) return name;
  const dot = name.indexOf(".");
  for (let i = 2; ; i++) {
    const candidate = `${name.slice(0, dot)}-${i}${name.slice(dot)}`;
    if (!taken.has(candidate)) return candidate;
  }
}
