import type { MaybeActor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/api-route";
import { formatBytes } from "@/lib/importing";
import { articleMetadataInputSchema, createArticleJsonSchema } from "@/lib/schemas/article";
import { resolveWorkspace } from "@/lib/server/workspaces/resolve-workspace";
import { importInputFromJson, type ArticleImportInput } from "./run-import";

// Reads an article import request (JSON or multipart/form-data with a `file`) for the create
// and preview routes: the same body shape for both.

const FORM_FIELDS = new Set(["file", "title", "byline", "sourceUrl", "publishedAt", "language", "workspace", "restore"]);

function parseRestore(value: FormDataEntryValue | null): number[] | undefined {
  if (value == null || value === "") return undefined;
  const text = String(value);
  const list = text.trim().startsWith("[") ? (JSON.parse(text) as unknown) : text.split(",").map((s) => Number(s.trim()));
  if (!Array.isArray(list) || !list.every((n) => Number.isInteger(n) && n >= 0)) {
    throw new AppError("VALIDATION_ERROR", 'restore: give the removed-block indexes as a JSON array like [1, 4] or "1,4".');
  }
  return list as number[];
}

export async function readArticleRequest(req: Request, actor: MaybeActor): Promise<{ workspaceId: string; input: ArticleImportInput }> {
  const limit = env().IMPORT_MAX_BYTES;
  const declared = Number(req.headers.get("content-length"));
  // Multipart and JSON framing add a little; the importer checks the content itself exactly.
  if (Number.isFinite(declared) && declared > limit + 64 * 1024 + limit / 5) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The request is ${formatBytes(declared)}; the import limit is ${formatBytes(limit)} (IMPORT_MAX_BYTES). Split the article or import a smaller file.`);
  }
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new AppError("BAD_REQUEST", "The multipart body could not be read. Send the file in a field named `file`.");
    }
    const unknown = [...new Set([...form.keys()].filter((k) => !FORM_FIELDS.has(k)))];
    if (unknown.length) throw new AppError("VALIDATION_ERROR", `Unknown field${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`);
    const file = form.get("file");
    if (!file || typeof file === "string") throw new AppError("VALIDATION_ERROR", "file: attach the article as a file (.txt, .md, .html or .docx) in the `file` field.");
    const text = (k: string) => {
      const v = form.get(k);
      return typeof v === "string" ? v : undefined;
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
        restore: parseRestore(form.get("restore")),
      },
    };
  }
  if (type && !type.startsWith("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send JSON (application/json) with text, html, markdown or url, or multipart/form-data with a `file`.");
  }
  const body = await parseJsonBody(req, createArticleJsonSchema);
  const workspace = await resolveWorkspace({ actor, workspace: body.workspace });
  return { workspaceId: workspace.id, input: importInputFromJson(body) };
}
