"use client";

import { Archive, Loader2 } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { api } from "@/lib/api-client";
import { EXPORT_FORMAT_KEYS, EXPORT_FORMATS, type ExportFormat } from "@/lib/exporting/formats";
import type { WorkspaceExportFormat } from "@/lib/exporting/request";
import { isFinished, type JobView } from "@/lib/schemas/job";
import { saveUrl } from "./download";

interface Progress {
  done: number;
  total: number | null;
  label: string;
}

export interface WorkspaceExportDialogProps {
  workspace: string;
  /** Editors and admins may include drafts ("internal"). */
  canExportInternal: boolean;
}

const POLL_MS = 700;

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(new DOMException("Cancelled", "AbortError"));
    });
  });

/**
 * Workspace export: all articles or a date range, as CSV, JSON or a ZIP of per-article reports.
 * The server builds the file once, as a background job; the dialog follows the job's progress
 * (article n of m) and then lets the browser download the finished file. Cancel stops the job.
 */
export function WorkspaceExportDialog({ workspace, canExportInternal }: WorkspaceExportDialogProps) {
  const [open, setOpen] = React.useState(false);
  const [range, setRange] = React.useState<"all" | "dates">("all");
  const [from, setFrom] = React.useState("");
  const [to, setTo] = React.useState("");
  const [format, setFormat] = React.useState<WorkspaceExportFormat>("zip");
  const [articleFormat, setArticleFormat] = React.useState<ExportFormat>("pdf");
  const [scope, setScope] = React.useState<"published" | "all">("published");
  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const abort = React.useRef<AbortController | null>(null);
  const ids = React.useId();

  const runExport = async (signal: AbortSignal): Promise<{ name: string; total: number }> => {
    setProgress({ done: 0, total: null, label: "Starting the export on the server…" });
    const body = {
      workspace,
      format,
      scope,
      ...(format === "zip" ? { articleFormat } : {}),
      ...(range === "dates" && from ? { from } : {}),
      ...(range === "dates" && to ? { to } : {}),
    };
    let job = await api<JobView>("POST", "/api/v1/exports/jobs", body, signal);
    const cancelOnAbort = () => void api("POST", `/api/v1/jobs/${encodeURIComponent(job.id)}/cancel`).catch(() => {});
    signal.addEventListener("abort", cancelOnAbort);
    try {
      while (!isFinished(job.status)) {
        setProgress({ done: job.progress, total: job.total, label: job.message ?? "Waiting for the server…" });
        await wait(POLL_MS, signal);
        job = await api<JobView>("GET", `/api/v1/jobs/${encodeURIComponent(job.id)}`, undefined, signal);
      }
    } finally {
      signal.removeEventListener("abort", cancelOnAbort);
    }
    if (job.status !== "SUCCEEDED" || !job.result) throw new Error(job.error ?? "The export stopped before it finished. Start it again.");
    setProgress({ done: job.total, total: job.total, label: "Downloading…" });
    saveUrl(job.result.downloadUrl, job.result.filename);
    return { name: job.result.filename, total: job.total };
  };

  const start = async () => {
    setError(null);
    if (range === "dates" && !from && !to) {
      setError("Choose a start date, an end date, or both — or export all articles.");
      return;
    }
    if (range === "dates" && from && to && from > to) {
      setError("The start date must be on or before the end date.");
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    try {
      const result = await runExport(controller.signal);
      toast.success(`Downloaded ${result.name} (${result.total} article${result.total === 1 ? "" : "s"})`);
      setOpen(false);
    } catch (e) {
      if ((e as Error).name === "AbortError") toast.info("Export cancelled.");
      else setError((e as Error).message);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const busy = progress !== null;
  const percent = progress?.total ? Math.round((progress.done / progress.total) * 100) : null;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) abort.current?.abort();
        setOpen(next);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <Archive aria-hidden="true" />
          Export workspace
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Export the workspace</DialogTitle>
          <DialogDescription>All articles you can see, or those added within a date range.</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <fieldset className="grid gap-2" disabled={busy}>
            <legend className="mb-1 text-sm font-medium">Articles</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${ids}-range`} checked={range === "all"} onChange={() => setRange("all")} /> All articles
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${ids}-range`} checked={range === "dates"} onChange={() => setRange("dates")} /> Added between
            </label>
            {range === "dates" && (
              <div className="grid grid-cols-2 gap-3 pl-6">
                <div className="grid gap-1">
                  <Label htmlFor={`${ids}-from`}>From</Label>
                  <Input id={`${ids}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
                </div>
                <div className="grid gap-1">
                  <Label htmlFor={`${ids}-to`}>To</Label>
                  <Input id={`${ids}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
                </div>
              </div>
            )}
          </fieldset>
          <div className="grid gap-1">
            <Label htmlFor={`${ids}-format`}>Format</Label>
            <NativeSelect id={`${ids}-format`} value={format} disabled={busy} onChange={(e) => setFormat(e.target.value as WorkspaceExportFormat)}>
              <option value="zip">ZIP of one report per article</option>
              <option value="csv">CSV: one row per claim</option>
              <option value="json">JSON: every article with its claims</option>
            </NativeSelect>
          </div>
          {format === "zip" && (
            <div className="grid gap-1">
              <Label htmlFor={`${ids}-article-format`}>Report format inside the ZIP</Label>
              <NativeSelect id={`${ids}-article-format`} value={articleFormat} disabled={busy} onChange={(e) => setArticleFormat(e.target.value as ExportFormat)}>
                {EXPORT_FORMAT_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {EXPORT_FORMATS[k].label}
                  </option>
                ))}
              </NativeSelect>
            </div>
          )}
          {canExportInternal && (
            <div className="grid gap-1">
              <Label htmlFor={`${ids}-scope`}>Claims</Label>
              <NativeSelect id={`${ids}-scope`} value={scope} disabled={busy} onChange={(e) => setScope(e.target.value === "all" ? "all" : "published")}>
                <option value="published">Published claims</option>
                <option value="all">All claims, drafts included (internal)</option>
              </NativeSelect>
            </div>
          )}
          {progress && (
            <div className="grid gap-1" aria-live="polite">
              <div
                role="progressbar"
                aria-label="Export progress"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent ?? undefined}
                aria-valuetext={progress.total !== null ? `${progress.done} of ${progress.total} articles` : progress.label}
                className="h-2 w-full overflow-hidden rounded-full bg-muted"
              >
                <div className={percent === null ? "h-full w-1/3 animate-pulse rounded-full bg-primary" : "h-full rounded-full bg-primary transition-[width]"} style={percent === null ? undefined : { width: `${percent}%` }} />
              </div>
              <p className="truncate text-xs text-muted-foreground">
                {progress.total !== null ? `${progress.done} of ${progress.total} · ` : ""}
                {progress.label}
              </p>
            </div>
          )}
          {error && <Alert variant="error">{error}</Alert>}
          <DialogFooter>
            {busy ? (
              <Button type="button" variant="outline" onClick={() => abort.current?.abort()}>
                Cancel
              </Button>
            ) : null}
            <Button type="submit" disabled={busy}>
              {busy && <Loader2 className="animate-spin" aria-hidden="true" />}
              {busy ? "Exporting…" : "Export"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
