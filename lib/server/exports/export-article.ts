import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import type { ExportedFile, ExportFormat } from "@/lib/exporting";
import { buildReportBundle, type ReportScope } from "@/lib/server/reports/build-report-bundle";
import { renderArticleFile } from "@/lib/server/workers/render-pool";

/** One article as a downloadable report: access and scope checked while building the bundle, rendered in the render pool. */
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
  return renderArticleFile(bundle, format);
}
