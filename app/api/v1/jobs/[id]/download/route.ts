import { contentDisposition } from "@/lib/exporting/filename";
import { apiRoute } from "@/lib/http/api-route";
import { getJobDownload } from "@/lib/server/jobs/get-job";

export const runtime = "nodejs";

export const GET = apiRoute<{ id: string }>(async ({ params, actor }) => {
  const file = await getJobDownload({ actor, jobId: params.id });
  return new Response(file.stream, {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition(file.filename),
      "Content-Length": String(file.size),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
