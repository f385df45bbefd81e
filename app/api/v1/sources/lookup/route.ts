import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { sourceLookupSchema } from "@/lib/schemas/source-entry";
import { lookUpSourceUrl } from "@/lib/server/sources/look-up-source-url";

export const POST = apiRoute(async ({ req, actor }) => lookUpSourceUrl({ actor, input: await parseJsonBody(req, sourceLookupSchema) }));
