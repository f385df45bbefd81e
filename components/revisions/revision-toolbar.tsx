"use client";

import { FilePlus2, History, Loader2, PencilLine } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { api, ApiError } from "@/lib/api-client";
import type { DocNode } from "@/lib/document/types";
import type { TrackedClaim } from "@/lib/editor/extensions/tracked-claims";
import type { ApiClaim } from "@/lib/schemas/claim";
import type { RevisionResult } from "@/lib/schemas/revision";
import { AttentionQueue } from "./attention-queue";
import { EditTextDialog } from "./edit-text-dialog";
import { HistoryDialog } from "./history-dialog";
import { NewVersionDialog } from "./new-version-dialog";

interface Props {
  articleId: string;
  /** Needed by the attention queue only (empty when no claim needs attention). */
  canonicalText: string;
  revisionNumber: number;
  sourceUrl: string | null;
  published: boolean;
  /** Claims whose text changed or vanished in a revision. */
  attention: ApiClaim[];
  canEdit: boolean;
}

/** What the Edit text dialog starts from, loaded when it is opened (the page does not carry it). */
async function loadEditable(articleId: string): Promise<{ document: DocNode; claims: TrackedClaim[] }> {
  const [article, page] = await Promise.all([
    api<{ document: DocNode }>("GET", `/api/v1/articles/${articleId}`),
    api<{ claims: Array<{ id: string; start: number; end: number }> }>("GET", `/api/v1/articles/${articleId}/claims?fields=summary`),
  ]);
  return { document: article.document, claims: page.claims.map((c) => ({ id: c.id, start: c.start, end: c.end })) };
}

/** Corrections on the article page: Edit text, New version, History, and the Needs-attention queue. */
export function RevisionToolbar(props: Props) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"edit" | "version" | "history" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editable, setEditable] = useState<{ document: DocNode; claims: TrackedClaim[] } | null>(null);
  const [loadingText, setLoadingText] = useState(false);

  async function openEditText() {
    setLoadingText(true);
    try {
      setEditable(await loadEditable(props.articleId));
      setDialog("edit");
    } catch (err) {
      toast.error(err instanceof ApiError ? err.message : "Could not load the article text.");
    } finally {
      setLoadingText(false);
    }
  }
  const close = (open: boolean) => !open && setDialog(null);
  // A claim re-anchored from the queue: the claim panel keeps its own state, so start the page again.
  const reload = () => window.location.reload();

  function saved(result: RevisionResult) {
    setDialog(null);
    const s = result.summary;
    setNotice(`Revision ${result.revision.number} saved. Claims: ${s.intact} unchanged, ${s.moved} moved, ${s.changed} changed, ${s.orphaned} not found.`);
    // The page's claim panel starts again from the re-anchored claims (it is keyed by revision).
    router.refresh();
  }

  if (!props.canEdit) return null;
  return (
    <div className="mb-4 grid gap-3">
      <div className="flex flex-wrap items-center gap-2 print:hidden" role="toolbar" aria-label="Article text">
        <span className="text-sm text-muted-foreground">Revision {props.revisionNumber}</span>
        <Button size="sm" variant="outline" onClick={openEditText} disabled={loadingText}>
          {loadingText ? <Loader2 className="animate-spin" aria-hidden="true" /> : <PencilLine aria-hidden="true" />} Edit text
        </Button>
        <Button size="sm" variant="outline" onClick={() => setDialog("version")}>
          <FilePlus2 aria-hidden="true" /> New version
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setDialog("history")}>
          <History aria-hidden="true" /> History
        </Button>
      </div>
      {notice && <Alert variant="success">{notice}</Alert>}
      <AttentionQueue claims={props.attention} canonicalText={props.canonicalText} revisionNumber={props.revisionNumber} canEdit={props.canEdit} onChanged={reload} />
      {editable && (
        <EditTextDialog
          open={dialog === "edit"}
          onOpenChange={close}
          articleId={props.articleId}
          document={editable.document}
          claims={editable.claims}
          baseRevision={props.revisionNumber}
          reasonRequired={props.published}
          onSaved={saved}
        />
      )}
      <NewVersionDialog
        open={dialog === "version"}
        onOpenChange={close}
        articleId={props.articleId}
        baseRevision={props.revisionNumber}
        sourceUrl={props.sourceUrl}
        reasonRequired={props.published}
        onSaved={saved}
      />
      <HistoryDialog open={dialog === "history"} onOpenChange={close} articleId={props.articleId} />
    </div>
  );
}
