import { ZodError } from "zod";
import { isAppError } from "@/lib/errors";

// What a server action hands back to its form: data, or a message (and per-field messages)
// to show inline. Thrown errors never reach the client as a generic "server error".
export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    if (e instanceof ZodError) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of e.issues) {
        const key = issue.path.join(".") || "form";
        fieldErrors[key] ??= issue.message;
      }
      return { ok: false, error: e.issues[0]?.message ?? "Check the form and try again.", fieldErrors };
    }
    if (isAppError(e)) return { ok: false, error: e.message };
    console.error("Unhandled error in server action", e);
    return { ok: false, error: "Something went wrong on our side. The error has been logged; try again." };
  }
}
