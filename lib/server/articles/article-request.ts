import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/api-route";
import { readFormData } from "@/lib/http/request-body";
import { articleMetadataInputSchema, createArticleJsonSchema } from "@/lib/schemas/article";
import { resolveWorkspace } from "@/lib/server/workspaces/resolve-workspace";
import { importInputFromJson, type ArticleImportInput } from "./run-import";

// Reads an article import request (JSON or multipart/form-data with a `file`) for the create
// and preview routes: the same body shape for both.

const FORM_FIELDS = new Set(["file", "title", "byline", "sourceUrl", "publishedAt", "language", "workspace", "restore"]);

const RESTORE_HINT = 'restore: give the removed-block indexes as a JSON array like [1, 4] or "1,4".';

function parseRestore(value: FormDataEntryValue | null): number[] | undefined {
  if (value == null || value === "") return undefined;
  if (typeof value !== "string") throw new AppError("VALIDATION_ERROR", RESTORE_HINT);
  let list: unknown;
  try {
    list = value.trim().startsWith("[") ? JSON.parse(value) : value.split(",").map((s) => Number(s.trim()));
  } catch {
    throw new AppError("VALIDATION_ERROR", RESTORE_HINT);
  }
  if (!Array.isArray(list) || list.length > 10_000 || !list.every((n) => Number.isInteger(n) && n >= 0)) {
    throw new AppError("VALIDATION_ERROR", RESTORE_HINT);
  }
  return list as number[];
}

/**
 * Largest article request: the import limit plus room for multipart framing and JSON escaping
 * (the importer then checks the content itself exactly against IMPORT_MAX_BYTES).
 */
export function articleRequestMaxBytes(): number {
  const limit = env().IMPORT_MAX_BYTES;
  return Math.ceil(limit + 64 * 1024 + limit / 5);
}

export async function readArticleRequest(req: Request, actor: MaybeActor): Promise<{ workspaceId: string; input: ArticleImportInput }> {
  const maxBytes = articleRequestMaxBytes();
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const form = await readFormData(req, maxBytes);
    const unknown = [...new Set([...form.keys()].filter((k) => !FORM_FIELDS.has(k)))];
    if (unknown.length) throw new AppError("VALIDATION_ERROR", `Unknown field${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`);
    const file = form.get("file");
    if (!file || typeof file === "string") throw new AppError("VALIDATION_ERROR", "file: attach the article as a file (.txt, .md, .html or .docx) in the `file` field.");
    const text = (k: string) => {
      const v = form.get(k);
      if (v !== null && typeof v !== "string") throw new AppError("VALIDATION_ERROR", `${k}: send it as a text field, not a file.`);
      return v ?? undefined;
    };
    const metadata = articleMetadataInputSchema.parse({
      title: text("title"),
      byline: text("byline"),
      sourceUrl: text("sourceUrl"),
      publishedAt: text("publishedAt"),
      language: text("language"),
    });
    const workspace = await resolveWorkspace({ actor, workspace: text("workspace") });
    return {
      workspaceId: workspace.id,
      input: {
        source: { kind: "file", filename: file.name || "upload", data: new Uint8Array(await file.arrayBuffer()), contentType: file.type },
        metadata,
        restore: parseRestore(text("restore") ?? null),
      },
    };
  }
  if (type && !type.startsWith("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send JSON (application/json) with text, html, markdown or url, or multipart/form-data with a `file`.");
  }
  const body = await parseJsonBody(req, createArticleJsonSchema, { maxBytes });
  const workspace = await resolveWorkspace({ actor, workspace: body.workspace });
  return { workspaceId: workspace.id, input: importInputFromJson(body) };
}
