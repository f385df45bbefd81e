import { apiRoute } from "@/lib/http/api-route";
import { getJob } from "@/lib/server/jobs/get-job";

export const runtime = "nodejs";

export const GET = apiRoute<{ id: string }>(async ({ params, actor }) => getJob({ actor, jobId: params.id }));
