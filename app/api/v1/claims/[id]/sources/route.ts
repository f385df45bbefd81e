import { apiRoute, created, parseJsonBody } from "@/lib/http/api-route";
import { createSourceSchema } from "@/lib/schemas/claim";
import { addSource } from "@/lib/server/sources/add-source";

export const POST = apiRoute<{ id: string }>(async ({ req, params, actor }) =>
  created(await addSource({ actor, claimId: params.id, input: await parseJsonBody(req, createSourceSchema) })),
);
