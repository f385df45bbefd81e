import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { exportArticle as renderExport, type ExportedFile, type ExportFormat } from "@/lib/exporting";
import { buildReportBundle, type ReportScope } from "@/lib/server/reports/build-report-bundle";

/** One article as a downloadable report: access and scope checked while building the bundle. */
export async function exportArticle({
  actor,
  articleId,
  format,
  scope,
}: {
  actor: MaybeActor;
  articleId: string;
  format: ExportFormat;
  scope: ReportScope;
}): Promise<ExportedFile> {
  const bundle = await buildReportBundle({ actor, articleId, scope });
  return renderExport(bundle, format);
}
