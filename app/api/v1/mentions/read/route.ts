import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { markMentionsReadSchema } from "@/lib/schemas/mention";
import { markMentionsRead } from "@/lib/server/comments/mark-mentions-read";

export const POST = apiRoute(async ({ req, actor }) => {
  const input = await parseJsonBody(req, markMentionsReadSchema);
  return markMentionsRead({ actor, input });
});
