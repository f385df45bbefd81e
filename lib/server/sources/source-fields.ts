import "server-only";
import type { CreateSourceInput, UpdateSourceInput } from "@/lib/schemas/claim";
import { sanitizeOptionalText } from "@/lib/server/claims/sanitize";

// Source values as stored: URLs were validated as http(s) by the schema; text is plain.

export function sourceData(input: CreateSourceInput | UpdateSourceInput) {
  const data: Record<string, string | null> = {};
  if (input.url !== undefined) data.url = input.url.trim();
  if (input.title !== undefined) data.title = sanitizeOptionalText(input.title);
  if (input.publisher !== undefined) data.publisher = sanitizeOptionalText(input.publisher);
  if (input.publishedOn !== undefined) data.publishedOn = input.publishedOn || null;
  if (input.accessedOn !== undefined) data.accessedOn = input.accessedOn || null;
  if (input.excerpt !== undefined) data.excerpt = sanitizeOptionalText(input.excerpt);
  if (input.stance !== undefined) data.stance = input.stance;
  if (input.archiveUrl !== undefined) data.archiveUrl = input.archiveUrl ? input.archiveUrl.trim() : null;
  return data;
}

export const SOURCE_FIELDS = ["url", "title", "publisher", "publishedOn", "accessedOn", "excerpt", "stance", "archiveUrl"] as const;

export function sourceSnapshot(s: Record<(typeof SOURCE_FIELDS)[number], string | null>) {
  return Object.fromEntries(SOURCE_FIELDS.map((k) => [k, s[k] ?? null]));
}
