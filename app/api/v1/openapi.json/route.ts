import { NextResponse } from "next/server";
import { publicBaseUrl } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json(buildOpenApiDocument(publicBaseUrl()));
}
