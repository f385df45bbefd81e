import { apiRoute } from "@/lib/http/api-route";
import { streamedDownloadResponse } from "@/lib/server/exports/download-response";
import { getJobDownload } from "@/lib/server/jobs/get-job";

export const runtime = "nodejs";

export const GET = apiRoute<{ id: string }>(async ({ params, actor }) => streamedDownloadResponse(await getJobDownload({ actor, jobId: params.id })));
