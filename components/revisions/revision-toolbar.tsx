"use client";

import { FilePlus2, History, PencilLine } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DocNode } from "@/lib/document/types";
import type { ApiClaim } from "@/lib/schemas/claim";
import type { RevisionResult } from "@/lib/schemas/revision";
import { AttentionQueue } from "./attention-queue";
import { EditTextDialog } from "./edit-text-dialog";
import { HistoryDialog } from "./history-dialog";
import { NewVersionDialog } from "./new-version-dialog";

interface Props {
  articleId: string;
  document: DocNode;
  canonicalText: string;
  revisionNumber: number;
  sourceUrl: string | null;
  published: boolean;
  claims: ApiClaim[];
  canEdit: boolean;
}

/** Corrections on the article page: Edit text, New version, History, and the Needs-attention queue. */
export function RevisionToolbar(props: Props) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"edit" | "version" | "history" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
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
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Article text">
        <span className="text-sm text-muted-foreground">Revision {props.revisionNumber}</span>
        <Button size="sm" variant="outline" onClick={() => setDialog("edit")}>
          <PencilLine aria-hidden="true" /> Edit text
        </Button>
        <Button size="sm" variant="outline" onClick={() => setDialog("version")}>
          <FilePlus2 aria-hidden="true" /> New version
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setDialog("history")}>
          <History aria-hidden="true" /> History
        </Button>
      </div>
      {notice && <Alert variant="success">{notice}</Alert>}
      <AttentionQueue claims={props.claims} canonicalText={props.canonicalText} revisionNumber={props.revisionNumber} canEdit={props.canEdit} onChanged={reload} />
      <EditTextDialog
        open={dialog === "edit"}
        onOpenChange={close}
        articleId={props.articleId}
        document={props.document}
        claims={props.claims.filter((c) => !c.deletedAt).map((c) => ({ id: c.id, start: c.start, end: c.end }))}
        baseRevision={props.revisionNumber}
        reasonRequired={props.published}
        onSaved={saved}
      />
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
