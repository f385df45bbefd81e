import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { updateSourceSchema } from "@/lib/schemas/claim";
import { removeSource } from "@/lib/server/sources/remove-source";
import { updateSource } from "@/lib/server/sources/update-source";

type Params = { id: string };

export const PATCH = apiRoute<Params>(async ({ req, params, actor }) =>
  updateSource({ actor, sourceId: params.id, input: await parseJsonBody(req, updateSourceSchema) }),
);

export const DELETE = apiRoute<Params>(async ({ params, actor }) => removeSource({ actor, sourceId: params.id }));
