"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { RevisionPreview, RevisionResult } from "@/lib/schemas/revision";
import { DiffView, SummaryLine } from "./diff-view";
import { ReasonField } from "./reason-field";
import { previewRevision, saveRevision, type RevisionSourceInput } from "./revisions-api";
import { ACCEPT_ATTRIBUTE, ACCEPTED_FILE_LABEL } from "@/lib/importing/file-types";

/**
 * A new version of the article (paste, upload, or the source URL fetched again) through the
 * import pipeline: first a preview with the word diff and what happens to each claim, then
 * Save with a reason.
 */
export function NewVersionDialog({
  open,
  onOpenChange,
  articleId,
  baseRevision,
  sourceUrl,
  reasonRequired,
  initialTab = "paste",
  onSaved,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  articleId: string;
  baseRevision: number;
  sourceUrl: string | null;
  reasonRequired: boolean;
  initialTab?: "paste" | "upload" | "refresh";
  onSaved: (result: RevisionResult) => void;
}) {
  const [tab, setTab] = useState(initialTab);
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<{ source: RevisionSourceInput; data: RevisionPreview } | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function reset(next: boolean) {
    if (!next) {
      setPreview(null);
      setError(null);
      setText("");
      setFile(null);
      setReason("");
    } else setTab(initialTab);
    onOpenChange(next);
  }

  async function runPreview() {
    const source: RevisionSourceInput | null =
      tab === "paste" ? { kind: "text", text } : tab === "upload" ? (file ? { kind: "file", file } : null) : { kind: "refresh" };
    if (!source) return setError(`Choose a file to upload (${ACCEPTED_FILE_LABEL}).`);
    if (source.kind === "text" && !text.trim()) return setError("Paste the updated article text first.");
    setBusy(true);
    setError(null);
    try {
      setPreview({ source, data: await previewRevision(articleId, source, baseRevision) });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    if (!preview) return;
    if (reasonRequired && !reason.trim()) return setError("Give a reason: readers of the published article see it in the corrections log.");
    setBusy(true);
    setError(null);
    try {
      onSaved(await saveRevision(articleId, preview.source, baseRevision, reason.trim()));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const attention = preview?.data.claims.filter((c) => c.state === "CHANGED" || c.state === "ORPHANED") ?? [];
  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogContent className="max-w-3xl">
        <DialogHeader>
          <DialogTitle>New version</DialogTitle>
          <DialogDescription>Load the updated article. You see what changed, word by word, before anything is saved.</DialogDescription>
        </DialogHeader>
        {!preview ? (
          <Tabs value={tab} onValueChange={(v) => setTab(v as typeof tab)}>
            <TabsList>
              <TabsTrigger value="paste">Paste</TabsTrigger>
              <TabsTrigger value="upload">Upload</TabsTrigger>
              <TabsTrigger value="refresh">Refresh from source</TabsTrigger>
            </TabsList>
            <TabsContent value="paste" className="grid gap-1.5 pt-3">
              <Label htmlFor="new-version-text">Updated article text</Label>
              <Textarea id="new-version-text" rows={10} value={text} onChange={(e) => setText(e.target.value)} />
            </TabsContent>
            <TabsContent value="upload" className="grid gap-1.5 pt-3">
              <Label htmlFor="new-version-file">File ({ACCEPTED_FILE_LABEL})</Label>
              <Input id="new-version-file" type="file" accept={ACCEPT_ATTRIBUTE} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </TabsContent>
            <TabsContent value="refresh" className="pt-3 text-sm">
              {sourceUrl ? (
                <p>
                  Fetch <span className="break-all font-medium">{sourceUrl}</span> again and compare it with the current text.
                </p>
              ) : (
                <Alert variant="warning">This article has no source URL. Paste or upload the new version instead.</Alert>
              )}
            </TabsContent>
          </Tabs>
        ) : (
          <div className="grid gap-3">
            <SummaryLine summary={preview.data.summary} />
            <DiffView segments={preview.data.diff} label="Changes from the current text" className="max-h-[40vh] overflow-y-auto" />
            {attention.length > 0 && (
              <ul className="grid gap-1 text-sm" aria-label="Claims that need attention">
                {attention.map((c) => (
                  <li key={c.id}>
                    <span className="font-medium">{c.state === "CHANGED" ? "Changed" : "Not found"}:</span> “{c.previousExact}”
                    {c.backToReview && <span className="text-muted-foreground"> — goes back to review</span>}
                  </li>
                ))}
              </ul>
            )}
            <ReasonField id="new-version-reason" value={reason} onChange={setReason} required={reasonRequired} />
          </div>
        )}
        {error && <Alert variant="error">{error}</Alert>}
        <DialogFooter>
          {preview ? (
            <>
              <Button type="button" variant="outline" onClick={() => setPreview(null)}>
                Back
              </Button>
              <Button type="button" onClick={save} disabled={busy}>
                {busy ? "Saving…" : "Save revision"}
              </Button>
            </>
          ) : (
            <Button type="button" onClick={runPreview} disabled={busy || (tab === "refresh" && !sourceUrl)}>
              {busy ? "Comparing…" : "Preview changes"}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
