import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/server/health/check-database";

// Under `npm start`, scripts/fast-health.cjs answers this path before Next's router with the same
// body (kept in step with this route); this route answers in `next dev` and until the app is up.
export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  return NextResponse.json(
    { status: database.ok ? "ok" : "degraded", database },
    { status: database.ok ? 200 : 503 },
  );
}
