import { OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { registry } from "./registry";
// Each import registers a domain's paths (side effect). Add one line per domain.
import "./paths/system";
import "./paths/claims";
import "./paths/publishing";
import "./paths/admin";
import "./paths/articles";
import "./paths/exports";
import "./paths/mentions";
import "./paths/notifications";
import "./paths/revisions";
import "./paths/search";
import "./paths/sources";
import "./paths/live";

export function buildOpenApiDocument(serverUrl: string) {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Factmark API",
      version: "1.0.0",
      description:
        "Fact-check and claim annotation. Authenticate with a session cookie or `Authorization: Bearer <token>`. Errors are `{ error: { code, message } }`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
  });
}
