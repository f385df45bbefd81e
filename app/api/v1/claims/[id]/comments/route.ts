import { apiRoute, created, parseJsonBody } from "@/lib/http/api-route";
import { createCommentSchema } from "@/lib/schemas/claim";
import { addComment } from "@/lib/server/comments/add-comment";
import { listComments } from "@/lib/server/comments/list-comments";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => ({ comments: await listComments({ actor, claimId: params.id }) }));

export const POST = apiRoute<Params>(async ({ req, params, actor }) =>
  created(await addComment({ actor, claimId: params.id, input: await parseJsonBody(req, createCommentSchema) })),
);
