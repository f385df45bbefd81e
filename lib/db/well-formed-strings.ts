import "server-only";
import { AppError } from "@/lib/errors";

// A string with an unpaired UTF-16 surrogate ("\ud800") is not Unicode text: SQLite's query
// layer fails on it with an internal error, PostgreSQL silently stores U+FFFD instead. Every
// write's arguments are checked here, whichever way the string arrived (API, server action,
// CLI), and refused as a validation error that names the field. A NUL character ("\u0000") is
// refused the same way, in every query's arguments, filters included: PostgreSQL rejects it in
// any text value (a 500 before), SQLite would store it.

function findMalformed(value: unknown, path: string, seen: Set<object>): string | null {
  if (typeof value === "string") return value.isWellFormed() && !value.includes("\u0000") ? null : path;
  if (!value || typeof value !== "object" || value instanceof Date || ArrayBuffer.isView(value) || seen.has(value)) return null;
  seen.add(value);
  for (const [key, item] of Object.entries(value)) {
    const found = findMalformed(item, path ? `${path}.${key}` : key, seen);
    if (found) return found;
  }
  return null;
}

const WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert"]);

export function assertWellFormedWrite(model: string | undefined, operation: string, args: unknown): void {
  const a = (args as { data?: unknown; create?: unknown; update?: unknown; where?: unknown } | undefined) ?? {};
  const path = WRITES.has(operation) ? findMalformed({ data: a.data, create: a.create, update: a.update, where: a.where }, "", new Set()) : findMalformed({ where: a.where }, "", new Set());
  if (!path) return;
  const field = path.split(".").filter((p) => !/^(data|create|update|where|set|in|equals|\d+)$/.test(p)).pop() ?? "text";
  const problem = path && /\u0000/.test(String(pick(a, path))) ? "contains a NUL character (\\u0000), which is not allowed in text. Remove it." : "contains an unpaired UTF-16 surrogate (half of an emoji or other character), which is not valid text. Send the complete character or remove it.";
  throw new AppError("VALIDATION_ERROR", `${field}: ${problem}`, { model, field });
}

function pick(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const key of path.split(".")) v = v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}
