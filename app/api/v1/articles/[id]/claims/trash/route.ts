import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { listTrash } from "@/lib/server/claims/list-trash";

export const GET = apiRoute<{ id: string }>(async ({ params, actor }) => ({
  claims: await listTrash({ actor, articleId: params.id }),
  retentionDays: env().TRASH_RETENTION_DAYS,
}));
