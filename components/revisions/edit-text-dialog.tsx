"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { DocNode } from "@/lib/document/types";
import { articleExtensions } from "@/lib/editor/extensions";
import { TrackedClaims, trackedClaimSpans, type TrackedClaim } from "@/lib/editor/extensions/tracked-claims";
import { ReasonField } from "./reason-field";
import { saveRevision } from "./revisions-api";
import type { RevisionResult } from "@/lib/schemas/revision";

/**
 * The article text, editable in the article schema. Claim highlights follow the text while
 * typing (the editor's own step mapping), and those mapped spans are sent as the proposal the
 * server verifies when it re-anchors.
 */
export function EditTextDialog({
  open,
  onOpenChange,
  articleId,
  document,
  claims,
  baseRevision,
  reasonRequired,
  onSaved,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  articleId: string;
  document: DocNode;
  claims: TrackedClaim[];
  baseRevision: number;
  reasonRequired: boolean;
  onSaved: (result: RevisionResult) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-4xl">
        <DialogHeader>
          <DialogTitle>Edit text</DialogTitle>
          <DialogDescription>Correct the article&apos;s text. Highlighted claims follow your edits; saving makes a new revision.</DialogDescription>
        </DialogHeader>
        {open && <EditTextForm articleId={articleId} document={document} claims={claims} baseRevision={baseRevision} reasonRequired={reasonRequired} onSaved={onSaved} onCancel={() => onOpenChange(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function EditTextForm({
  articleId,
  document,
  claims,
  baseRevision,
  reasonRequired,
  onSaved,
  onCancel,
}: {
  articleId: string;
  document: DocNode;
  claims: TrackedClaim[];
  baseRevision: number;
  reasonRequired: boolean;
  onSaved: (result: RevisionResult) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [...articleExtensions(), TrackedClaims.configure({ claims })],
    content: document,
    editorProps: { attributes: { class: "fm-article-edit prose max-w-none focus:outline-none", "aria-label": "Article text", role: "textbox", "aria-multiline": "true" } },
  });

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!editor) return;
    if (reasonRequired && !reason.trim()) {
      setError("Give a reason: readers of the published article see it in the corrections log.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await saveRevision(articleId, { kind: "document", document: editor.getJSON(), proposed: trackedClaimSpans(editor.state) }, baseRevision, reason.trim());
      onSaved(result);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} className="grid gap-4">
      <div className="max-h-[55vh] overflow-y-auto rounded-md border border-border p-4 font-serif leading-relaxed">
        <EditorContent editor={editor} />
      </div>
      <ReasonField id="edit-reason" value={reason} onChange={setReason} required={reasonRequired} />
      {error && <Alert variant="error">{error}</Alert>}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={busy || !editor}>
          {busy ? "Saving…" : "Save revision"}
        </Button>
      </DialogFooter>
    </form>
  );
}
