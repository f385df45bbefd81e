import "server-only";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseExportFormat, type ExportedFile, type ExportFormat } from "@/lib/exporting";
import { exportFilename, safeSlug } from "@/lib/exporting/filename";
import { dateRangeFilter, WORKSPACE_EXPORT_FORMATS, type WorkspaceExportFormat, type WorkspaceExportQuery } from "@/lib/exporting/request";
import { canEdit } from "@/lib/schemas/enums";
import { readableArticleWhere, requireActor, requireMembership } from "@/lib/server/access";
import type { ReportScope } from "@/lib/server/reports/build-report-bundle";
import { resolveWorkspace } from "@/lib/server/workspaces/resolve-workspace";
import { writeWorkspaceExport } from "./write-workspace-export";

// Workspace export: every article the caller may read (optionally those added within a date
// range) as one CSV (a row per claim), one JSON document (a report bundle per article), or a
// ZIP with one report per article in a chosen format. The dialog runs it as a background job
// (lib/server/jobs); either way the file is built once, on the server, rendered off the request thread.

/** Most articles one export holds; a bigger desk exports by date range. */
export const WORKSPACE_EXPORT_MAX_ARTICLES = 2000;

export interface ExportArticleRef {
  id: string;
  slug: string;
  title: string;
  createdAt: string;
  status: string;
}

export async function listExportArticles({
  actor: maybeActor,
  workspace,
  from,
  to,
}: {
  actor: MaybeActor;
  workspace?: string;
  from?: string;
  to?: string;
}): Promise<{ workspace: { id: string; slug: string; name: string }; role: string; articles: ExportArticleRef[] }> {
  const actor = requireActor(maybeActor);
  const ws = await resolveWorkspace({ actor, workspace });
  const membership = await requireMembership(db, actor, ws.id);
  const createdAt = dateRangeFilter(from, to);
  const rows = await db.article.findMany({
    where: { workspaceId: ws.id, ...(createdAt ? { createdAt } : {}), AND: [readableArticleWhere(actor)] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: WORKSPACE_EXPORT_MAX_ARTICLES + 1,
    select: { id: true, slug: true, title: true, createdAt: true, status: true },
  });
  if (rows.length > WORKSPACE_EXPORT_MAX_ARTICLES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `More than ${WORKSPACE_EXPORT_MAX_ARTICLES} articles match: choose a shorter date range.`);
  }
  return {
    workspace: { id: ws.id, slug: ws.slug, name: ws.name },
    role: membership.role,
    articles: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
  };
}

export function parseWorkspaceExportFormat(value: unknown): WorkspaceExportFormat {
  if (typeof value === "string" && (WORKSPACE_EXPORT_FORMATS as readonly string[]).includes(value)) return value as WorkspaceExportFormat;
  throw new AppError(
    "BAD_REQUEST",
    `${value ? `Unknown workspace export format "${String(value).slice(0, 40)}"` : "No export format given"}. Use format=${WORKSPACE_EXPORT_FORMATS.join(", ")} (zip takes articleFormat=pdf, docx, md, csv, html, w3c or claimreview).`,
    { formats: WORKSPACE_EXPORT_FORMATS },
  );
}

export interface WorkspaceExportPlan {
  format: WorkspaceExportFormat;
  articleFormat: ExportFormat | null;
  scope: ReportScope;
  workspace: { id: string; slug: string; name: string };
  articles: ExportArticleRef[];
  filename: string;
  contentType: string;
  from?: string;
  to?: string;
  now: Date;
}

/** Checks the request and the caller's access, and lists what the export will hold. */
export async function planWorkspaceExport({ actor, query, now = new Date() }: { actor: MaybeActor; query: WorkspaceExportQuery; now?: Date }): Promise<WorkspaceExportPlan> {
  const format = parseWorkspaceExportFormat(query.format);
  const articleFormat = format === "zip" ? parseExportFormat(query.articleFormat ?? "pdf") : null;
  const { workspace, role, articles } = await listExportArticles({ actor, workspace: query.workspace, from: query.from, to: query.to });
  if (query.scope === "all" && !canEdit(role)) {
    throw new AppError("FORBIDDEN", "Only editors and admins can export internal reports with every claim. Export the published claims instead (scope=published).");
  }
  const base = `${safeSlug(workspace.slug)}${query.from || query.to ? `-${query.from ?? "start"}-to-${query.to ?? "now"}` : ""}${query.scope === "all" ? "-internal" : ""}`;
  const filename = format === "zip" ? exportFilename(`${base}-${articleFormat}`, "zip", now) : exportFilename(base, format, now);
  const contentType = format === "csv" ? "text/csv; charset=utf-8" : format === "json" ? "application/json; charset=utf-8" : "application/zip";
  return { format, articleFormat, scope: query.scope, workspace, articles, filename, contentType, from: query.from, to: query.to, now };
}

/** A workspace export built on this thread, as bytes (GET /api/v1/exports hands the work to the job thread: stream-workspace-export.ts). */
export async function exportWorkspace({ actor, query, now = new Date() }: { actor: MaybeActor; query: WorkspaceExportQuery; now?: Date }): Promise<ExportedFile> {
  const plan = await planWorkspaceExport({ actor, query, now });
  const dir = await mkdtemp(path.join(os.tmpdir(), "factmark-export-"));
  try {
    const file = path.join(dir, "export");
    await writeWorkspaceExport(plan, file);
    return { filename: plan.filename, contentType: plan.contentType, body: new Uint8Array(await readFile(file)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
