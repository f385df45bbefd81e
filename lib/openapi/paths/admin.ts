import { z } from "zod";
import { apiTokenSchema, createApiTokenSchema, createdApiTokenSchema, memberSchema, meSchema } from "@/lib/schemas/admin";
import { errorResponses, registry } from "../registry";

const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });

registry.registerPath({
  method: "get",
  path: "/api/v1/me",
  summary: "The caller, with their workspaces and role in each",
  tags: ["Account"],
  responses: { 200: { description: "The signed-in user", ...json(meSchema) }, ...errorResponses(401) },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/tokens",
  summary: "List the caller's personal API tokens",
  description: "Never returns the tokens themselves: only their first characters (prefix).",
  tags: ["Account"],
  responses: { 200: { description: "Tokens, newest first", ...json(z.object({ items: z.array(apiTokenSchema) })) }, ...errorResponses(401) },
});

registry.registerPath({
  method: "post",
  path: "/api/v1/tokens",
  summary: "Create a personal API token",
  description: "The response carries `token` once; only its hash is stored. Send it as `Authorization: Bearer <token>`.",
  tags: ["Account"],
  request: { body: json(createApiTokenSchema) },
  responses: { 201: { description: "Created", ...json(createdApiTokenSchema) }, ...errorResponses(400, 401) },
});

registry.registerPath({
  method: "delete",
  path: "/api/v1/tokens/{id}",
  summary: "Revoke one of the caller's API tokens",
  tags: ["Account"],
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: { description: "Revoked (idempotent)", ...json(apiTokenSchema) }, ...errorResponses(401, 404) },
});

registry.registerPath({
  method: "get",
  path: "/api/v1/workspaces/{idOrSlug}/members",
  summary: "Members of a workspace (admins of that workspace)",
  tags: ["Workspaces"],
  request: { params: z.object({ idOrSlug: z.string().openapi({ description: "Workspace id or slug" }) }) },
  responses: {
    200: {
      description: "Members with role and account status",
      ...json(z.object({ workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }), items: z.array(memberSchema) })),
    },
    ...errorResponses(401, 403, 404),
  },
});
