import { api, postWithProgress } from "@/lib/api-client";
import type { ApiClaim } from "@/lib/schemas/claim";
import type { ApiRevision, RevisionPreview, RevisionResult } from "@/lib/schemas/revision";
import type { DiffSegment } from "@/lib/anchoring/diff-segments";

// Browser-side calls to the revision API, through the one API client (uploads as multipart).

export type RevisionSourceInput =
  | { kind: "text"; text: string }
  | { kind: "file"; file: File }
  | { kind: "refresh" }
  | { kind: "document"; document: unknown; proposed: Array<{ claimId: string; start: number; end: number }> };

async function send<T>(url: string, source: RevisionSourceInput, baseRevision: number, reason?: string): Promise<T> {
  if (source.kind === "file") {
    const form = new FormData();
    form.set("file", source.file);
    form.set("baseRevision", String(baseRevision));
    if (reason) form.set("reason", reason);
    return postWithProgress<T>(url, form);
  }
  const body =
    source.kind === "text"
      ? { text: source.text }
      : source.kind === "refresh"
        ? { refresh: true }
        : { document: source.document, proposed: source.proposed };
  return api<T>("POST", url, { ...body, baseRevision, ...(reason ? { reason } : {}) });
}

export const previewRevision = (articleId: string, source: RevisionSourceInput, baseRevision: number) =>
  send<RevisionPreview>(`/api/v1/articles/${articleId}/revisions/preview`, source, baseRevision);

export const saveRevision = (articleId: string, source: RevisionSourceInput, baseRevision: number, reason: string) =>
  send<RevisionResult>(`/api/v1/articles/${articleId}/revisions`, source, baseRevision, reason);

export const listRevisions = (articleId: string) => api<{ current: number; revisions: ApiRevision[] }>("GET", `/api/v1/articles/${articleId}/revisions`);

export const diffRevisions = (articleId: string, n: number, against: number) =>
  api<{ from: number; to: number; diff: DiffSegment[] }>("GET", `/api/v1/articles/${articleId}/revisions/${n}/diff?against=${against}`);

/** Accept the span found, or anchor on `span`; `revision` is the text revision the user saw (a newer one is a 409). */
export const reanchorClaim = (claimId: string, version: number, revision: number, span?: { start: number; end: number }) =>
  api<ApiClaim>("POST", `/api/v1/claims/${claimId}/reanchor`, { version, revision, ...(span ?? {}) });

export const trashClaim = (claimId: string) => api<unknown>("DELETE", `/api/v1/claims/${claimId}`);
