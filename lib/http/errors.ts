import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, httpStatusFor, type ErrorCode } from "@/lib/errors";

/** "title: Expected string" / "Unknown field: foo": one line naming the offending field. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      if (issue.code === "unrecognized_keys") {
        const keys = (issue as { keys: string[] }).keys;
        const where = issue.path.length ? ` in ${issue.path.join(".")}` : "";
        return `Unknown field${keys.length > 1 ? "s" : ""}${where}: ${keys.join(", ")}`;
      }
      const path = issue.path.length ? issue.path.join(".") : "body";
      return `${path}: ${issue.message}`;
    })
    .join("; ");
}

function prismaCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

/** Every error leaves the API as { error: { code, message, details? } } with its status. */
export function errorResponse(e: unknown): NextResponse {
  let code: ErrorCode;
  let message: string;
  let details: unknown;
  if (e instanceof AppError) {
    ({ code, message, details } = e);
  } else if (e instanceof ZodError) {
    code = "VALIDATION_ERROR";
    message = describeZodError(e);
    details = { issues: e.issues.map((i) => ({ path: i.path, message: i.message, code: i.code })) };
  } else if (prismaCode(e) === "P2025") {
    code = "NOT_FOUND";
    message = "Resource not found.";
  } else if (prismaCode(e) === "P2028" || prismaCode(e) === "P1001" || prismaCode(e) === "P2024") {
    // No transaction or connection to be had in time: the database is overloaded, nothing was written.
    code = "UNAVAILABLE";
    message = "The database is too busy to take this change right now; nothing was saved. Try again in a few seconds.";
  } else if (prismaCode(e) === "P2002") {
    code = "CONFLICT";
    message = "That already exists.";
  } else {
    console.error("Unhandled error in API route", e);
    code = "INTERNAL";
    message = "Something went wrong on our side. The error has been logged; try again.";
  }
  const body: { error: { code: ErrorCode; message: string; details?: unknown } } = { error: { code, message } };
  if (details !== undefined) body.error.details = details;
  return NextResponse.json(body, { status: httpStatusFor(code), headers: code === "UNAVAILABLE" ? { "Retry-After": "5" } : undefined });
}
