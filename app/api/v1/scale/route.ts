import { z } from "zod";
import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { getScale } from "@/lib/server/scale/get-scale";

const querySchema = z.strictObject({ workspace: z.string().max(100).optional() });

export const GET = apiRoute(async ({ req, actor }) => getScale({ actor, workspaceId: parseQuery(req, querySchema).workspace }));
