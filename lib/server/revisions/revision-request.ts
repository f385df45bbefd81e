import "server-only";
import { AppError } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/api-route";
import { readFormData } from "@/lib/http/request-body";
import { reviseArticleSchema, type ReviseArticleInput } from "@/lib/schemas/revision";
import { articleRequestMaxBytes } from "@/lib/server/articles/article-request";
import type { RevisionUpload } from "./resolve-revision-content";

// Reads a revision request: JSON ({ text | html | markdown | url | document | refresh, reason,
// baseRevision }) or multipart/form-data with a `file`, `reason` and `baseRevision`.

/** An edited document's JSON is a few times larger than its text. */
export const revisionRequestMaxBytes = () => articleRequestMaxBytes() * 3;

const FORM_FIELDS = new Set(["file", "reason", "baseRevision"]);

export async function readRevisionRequest(req: Request): Promise<{ input: ReviseArticleInput; upload?: RevisionUpload }> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const form = await readFormData(req, articleRequestMaxBytes());
    const unknown = [...new Set([...form.keys()].filter((k) => !FORM_FIELDS.has(k)))];
    if (unknown.length) throw new AppError("VALIDATION_ERROR", `Unknown field${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`);
    const file = form.get("file");
    if (!file || typeof file === "string") throw new AppError("VALIDATION_ERROR", "file: attach the new version as a file (.txt, .md, .html or .docx) in the `file` field.");
    const reason = form.get("reason");
    const base = form.get("baseRevision");
    if (typeof base !== "string" || !/^\d+$/.test(base.trim())) throw new AppError("VALIDATION_ERROR", "baseRevision: give the revision number your change is based on.");
    // `text: ""` only satisfies "exactly one source"; the file is the content.
    const input = reviseArticleSchema.parse({ text: "", reason: typeof reason === "string" ? reason : undefined, baseRevision: Number(base) });
    return {
      input,
      upload: { kind: "file", filename: file.name || "upload", data: new Uint8Array(await file.arrayBuffer()), contentType: file.type },
    };
  }
  if (type && !type.startsWith("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send JSON (application/json), or multipart/form-data with a `file`.");
  }
  return { input: await parseJsonBody(req, reviseArticleSchema, { maxBytes: revisionRequestMaxBytes() }) };
}
