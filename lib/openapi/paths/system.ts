import { z } from "zod";
import { registry } from "../registry";

registry.registerPath({
  method: "get",
  path: "/api/v1/health",
  summary: "Whether the app and its database answer",
  tags: ["System"],
  responses: {
    200: {
      description: "Healthy",
      content: {
        "application/json": {
          schema: z.object({
            status: z.enum(["ok", "degraded"]),
            database: z.object({ ok: z.boolean(), provider: z.string(), latencyMs: z.number(), error: z.string().optional() }),
          }),
        },
      },
    },
    503: { description: "The database does not answer" },
  },
});
