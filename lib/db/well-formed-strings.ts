import "server-only";
import { AppError } from "@/lib/errors";

// A string with an unpaired UTF-16 surrogate ("\ud800") is not Unicode text: SQLite's query
// layer fails on it with an internal error, PostgreSQL silently stores U+FFFD instead. Every
// write's arguments are checked here, whichever way the string arrived (API, server action,
// CLI), and refused as a validation error that names the field.

function findMalformed(value: unknown, path: string, seen: Set<object>): string | null {
  if (typeof value === "string") return value.isWellFormed() ? null : path;
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
  if (!WRITES.has(operation)) return;
  const data = (args as { data?: unknown; create?: unknown; update?: unknown } | undefined) ?? {};
  const path = findMalformed({ data: data.data, create: data.create, update: data.update }, "", new Set());
  if (!path) return;
  const field = path.split(".").filter((p) => !/^(data|create|update|set|\d+)$/.test(p)).pop() ?? "text";
  throw new AppError(
    "VALIDATION_ERROR",
    `${field}: contains an unpaired UTF-16 surrogate (half of an emoji or other character), which is not valid text. Send the complete character or remove it.`,
    { model, field },
  );
}
