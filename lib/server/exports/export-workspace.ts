import "server-only";
import { strToU8, zipSync, type Zippable } from "fflate";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exportArticle, parseExportFormat, type ExportedFile } from "@/lib/exporting";
import { csvRows, rowsToCsv } from "@/lib/exporting/csv";
import { exportFilename, safeSlug } from "@/lib/exporting/filename";
import { dateRangeFilter, WORKSPACE_EXPORT_FORMATS, type WorkspaceExportFormat, type WorkspaceExportQuery } from "@/lib/exporting/request";
import { canEdit } from "@/lib/schemas/enums";
import type { ReportBundle } from "@/lib/schemas/report";
import { readableArticleWhere, requireActor, requireMembership } from "@/lib/server/access";
import { bundleForArticle } from "@/lib/server/reports/build-report-bundle";
import { resolveWorkspace } from "@/lib/server/workspaces/resolve-workspace";

// Workspace export: every article the caller may read (optionally those added within a date
// range) as one CSV (a row per claim), one JSON document (a report bundle per article), or a
// ZIP with one report per article in a chosen format.

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

export async function exportWorkspace({ actor, query, now = new Date() }: { actor: MaybeActor; query: WorkspaceExportQuery; now?: Date }): Promise<ExportedFile> {
  const format = parseWorkspaceExportFormat(query.format);
  const articleFormat = format === "zip" ? parseExportFormat(query.articleFormat ?? "pdf") : null;
  const { workspace, role, articles } = await listExportArticles({ actor, workspace: query.workspace, from: query.from, to: query.to });
  if (query.scope === "all" && !canEdit(role)) {
    throw new AppError("FORBIDDEN", "Only editors and admins can export internal reports with every claim. Export the published claims instead (scope=published).");
  }
  const bundles: ReportBundle[] = [];
  for (const a of articles) bundles.push(await db.$transaction((tx) => bundleForArticle(tx, a.id, query.scope, now)));

  const base = `${safeSlug(workspace.slug)}${query.from || query.to ? `-${query.from ?? "start"}-to-${query.to ?? "now"}` : ""}${query.scope === "all" ? "-internal" : ""}`;
  if (format === "csv") {
    return { filename: exportFilename(base, "csv", now), contentType: "text/csv; charset=utf-8", body: strToU8(rowsToCsv(csvRows(bundles))) };
  }
  if (format === "json") {
    const body = {
      workspace: { slug: workspace.slug, name: workspace.name },
      scope: query.scope,
      range: { from: query.from ?? null, to: query.to ?? null },
      generatedAt: now.toISOString(),
      articleCount: bundles.length,
      articles: bundles,
    };
    return { filename: exportFilename(base, "json", now), contentType: "application/json; charset=utf-8", body: strToU8(`${JSON.stringify(body, null, 2)}\n`) };
  }
  const files: Zippable = {};
  for (const bundle of bundles) {
    const file = await exportArticle(bundle, articleFormat!);
    files[uniqueName(files, file.filename)] = [file.body, { level: articleFormat === "pdf" || articleFormat === "docx" ? 0 : 6 }];
  }
  if (bundles.length === 0) files["README.txt"] = strToU8("No articles matched this export.\n");
  return { filename: exportFilename(`${base}-${articleFormat}`, "zip", now), contentType: "application/zip", body: zipSync(files) };
}

/** Two articles can share a file name only if their slugs collide after sanitising: number them. */
export function uniqueName(files: Record<string, unknown>, name: string): string {
  if (!(name in files)) return name;
  const dot = name.indexOf(".");
  for (let i = 2; ; i++) {
    const candidate = `${name.slice(0, dot)}-${i}${name.slice(dot)}`;
    if (!(candidate in files)) return candidate;
  }
}
