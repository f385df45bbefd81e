"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { DiffSegment } from "@/lib/anchoring/diff-segments";
import type { ApiRevision } from "@/lib/schemas/revision";
import { Button } from "@/components/ui/button";
import { DiffView, SideBySideDiff } from "./diff-view";
import { diffRevisions, listRevisions } from "./revisions-api";
import { useDates } from "@/components/ui/dates";

const KIND: Record<ApiRevision["kind"], string> = { IMPORT: "Imported", EDIT: "Edited", NEW_VERSION: "New version", REFRESH: "Refreshed from source" };

/** The article's revisions, and the word diff between any two of them. */
export function HistoryDialog({ open, onOpenChange, articleId }: { open: boolean; onOpenChange: (open: boolean) => void; articleId: string }) {
  const { dateTime } = useDates();
  const [revisions, setRevisions] = useState<ApiRevision[] | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<DiffSegment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sideBySide, setSideBySide] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    listRevisions(articleId).then(
      (r) => {
        if (!live) return;
        setRevisions(r.revisions);
        setTo(r.revisions[0]?.number ?? null);
        setFrom(r.revisions[1]?.number ?? r.revisions[0]?.number ?? null);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [open, articleId]);

  useEffect(() => {
    if (!open || from === null || to === null) return;
    let live = true;
    diffRevisions(articleId, to, from).then(
      (d) => live && setDiff(d.diff),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [open, articleId, from, to]);

  const options = (revisions ?? []).map((r) => (
    <option key={r.number} value={r.number}>
      Revision {r.number}
    </option>
  ));
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className={sideBySide ? "max-w-5xl" : "max-w-3xl"}>
        <DialogHeader>
          <DialogTitle>Revision history</DialogTitle>
          <DialogDescription>Every version of the article&apos;s text, newest first.</DialogDescription>
        </DialogHeader>
        {error && <Alert variant="error">{error}</Alert>}
        {revisions && (
          <ol className="grid gap-2 text-sm" aria-label="Revisions">
            {revisions.map((r) => (
              <li key={r.number} className="rounded-md border border-border px-3 py-2">
                <div className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-medium">Revision {r.number}</span>
                  {r.current && <span className="rounded-full bg-muted px-2 text-xs">current</span>}
                  <span className="text-muted-foreground">
                    {KIND[r.kind]} by {r.createdBy.name ?? "someone"}, {dateTime(r.createdAt)}
                  </span>
                </div>
                {r.reason && <p>{r.reason}</p>}
                {r.summary && (
                  <p className="text-xs text-muted-foreground">
                    Claims: {r.summary.intact} unchanged, {r.summary.moved} moved, {r.summary.changed} changed, {r.summary.orphaned} not found
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
        {revisions && revisions.length > 1 && (
          <div className="grid gap-2">
            <div className="flex flex-wrap items-end gap-3">
              <div className="grid gap-1">
                <Label htmlFor="diff-from">Compare</Label>
                <NativeSelect id="diff-from" value={from ?? ""} onChange={(e) => setFrom(Number(e.target.value))}>
                  {options}
                </NativeSelect>
              </div>
              <div className="grid gap-1">
                <Label htmlFor="diff-to">with</Label>
                <NativeSelect id="diff-to" value={to ?? ""} onChange={(e) => setTo(Number(e.target.value))}>
                  {options}
                </NativeSelect>
              </div>
              <Button type="button" variant="outline" size="sm" aria-pressed={sideBySide} className="aria-pressed:bg-muted" onClick={() => setSideBySide((v) => !v)}>
                Side by side
              </Button>
            </div>
            {diff &&
              (sideBySide ? (
                <SideBySideDiff
                  segments={diff}
                  label={`Changes from revision ${from} to revision ${to}, side by side`}
                  fromLabel={`Revision ${from}`}
                  toLabel={`Revision ${to}`}
                  className="max-h-[50vh] overflow-y-auto"
                />
              ) : (
                <DiffView segments={diff} label={`Changes from revision ${from} to revision ${to}`} className="max-h-[40vh] overflow-y-auto" />
              ))}
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
