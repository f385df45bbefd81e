import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";

describe("OpenAPI document", () => {
  it("is generated from the registered zod schemas", () => {
    const doc = buildOpenApiDocument("http://localhost:3000");
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths?.["/api/v1/health"]?.get).toBeDefined();
    expect(doc.components?.schemas?.Error).toBeDefined();
  });
});
