import { apiRoute } from "@/lib/http/api-route";
import { cancelJob } from "@/lib/server/jobs/cancel-job";

export const runtime = "nodejs";

export const POST = apiRoute<{ id: string }>(async ({ params, actor }) => cancelJob({ actor, jobId: params.id }));
