import { extendZodWithOpenApi, OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

// One registry for the whole API. Each domain registers its paths in lib/openapi/paths/<domain>.ts
// with the same zod schemas its route handlers parse, and lib/openapi/document.ts imports them all.
extendZodWithOpenApi(z);

export const registry = new OpenAPIRegistry();

export const bearerAuth = registry.registerComponent("securitySchemes", "bearerAuth", {
  type: "http",
  scheme: "bearer",
  description: "A personal API token (Settings → API tokens, or `npm run cli -- token create --email <email>`).",
});

export const errorSchema = registry.register(
  "Error",
  z.object({
    error: z.object({
      code: z.string().openapi({ example: "NOT_FOUND" }),
      message: z.string().openapi({ example: "Article not found." }),
      details: z.unknown().optional(),
    }),
  }),
);

/** Standard error responses, referenced by every path. */
export function errorResponses(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: "Malformed JSON, unknown or invalid fields",
    401: "Not signed in, or the token is malformed, unknown or revoked",
    403: "Signed in, but the role does not allow it",
    404: "Not found, or not visible to the caller",
    409: "Version conflict: someone changed it first",
    410: "Withdrawn",
    413: "Too large",
    415: "Unsupported media type",
    422: "Well-formed but cannot be processed",
    429: "Too many requests",
  };
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s] ?? "Error", content: { "application/json": { schema: errorSchema } } }]),
  );
}
