"use client";

import { Archive, ExternalLink, Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { ApiSource } from "@/lib/schemas/claim";
import { cn } from "@/lib/utils";
import { api, ApiError } from "@/lib/api-client";

const STANCES = { SUPPORTS: "Supports", REFUTES: "Refutes", CONTEXT: "Context" } as const;
type Stance = keyof typeof STANCES;
const STANCE_STYLE: Record<Stance, string> = {
  SUPPORTS: "bg-emerald-50 text-emerald-900 border-emerald-200",
  REFUTES: "bg-red-50 text-red-900 border-red-200",
  CONTEXT: "bg-slate-50 text-slate-700 border-slate-200",
};

interface SourceDraft {
  url: string;
  title: string;
  publisher: string;
  publishedOn: string;
  accessedOn: string;
  excerpt: string;
  stance: Stance;
  archiveUrl: string;
}

const today = () => new Date().toISOString().slice(0, 10);

function draftOf(s?: ApiSource): SourceDraft {
  return {
    url: s?.url ?? "",
    title: s?.title ?? "",
    publisher: s?.publisher ?? "",
    publishedOn: s?.publishedOn ?? "",
    accessedOn: s?.accessedOn ?? (s ? "" : today()),
    excerpt: s?.excerpt ?? "",
    stance: s?.stance ?? "SUPPORTS",
    archiveUrl: s?.archiveUrl ?? "",
  };
}

function httpProblem(value: string, field: string, required: boolean): string | null {
  if (!value.trim()) return required ? `${field} is required.` : null;
  try {
    const u = new URL(value.trim());
    if (u.protocol === "http:" || u.protocol === "https:") return null;
  } catch {
    /* falls through */
  }
  return `${field} must start with http:// or https://.`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

function SourceForm({ initial, onCancel, onSubmit }: { initial?: ApiSource; onCancel: () => void; onSubmit: (d: SourceDraft) => Promise<void> }) {
  const [d, setD] = useState<SourceDraft>(() => draftOf(initial));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idp = `src-${initial?.id ?? "new"}`;
  const set = (k: keyof SourceDraft) => (e: { target: { value: string } }) => setD((x) => ({ ...x, [k]: e.target.value }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const problem = httpProblem(d.url, "The source URL", true) ?? httpProblem(d.archiveUrl, "The archive URL", false);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      await onSubmit(d);
    } catch (err) {
      setError(err instanceof Error ? err.message : "Could not save the source.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2.5 rounded-md border border-border bg-muted/40 p-3" aria-label={initial ? "Edit source" : "Add source"}>
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${idp}-url`}>URL</Label>
        <Input id={`${idp}-url`} type="url" inputMode="url" placeholder="https://" value={d.url} onChange={set("url")} required autoFocus />
      </div>
      <div className="grid gap-2.5 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${idp}-title`}>Title</Label>
          <Input id={`${idp}-title`} value={d.title} onChange={set("title")} maxLength={500} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${idp}-publisher`}>Publisher</Label>
          <Input id={`${idp}-publisher`} value={d.publisher} onChange={set("publisher")} maxLength={200} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${idp}-published`}>Published</Label>
          <Input id={`${idp}-published`} type="date" value={d.publishedOn} onChange={set("publishedOn")} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${idp}-accessed`}>Accessed</Label>
          <Input id={`${idp}-accessed`} type="date" value={d.accessedOn} onChange={set("accessedOn")} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${idp}-stance`}>Stance</Label>
          <Select value={d.stance} onValueChange={(v) => setD((x) => ({ ...x, stance: v as Stance }))}>
            <SelectTrigger id={`${idp}-stance`} aria-label="Stance">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {(Object.keys(STANCES) as Stance[]).map((s) => (
                <SelectItem key={s} value={s}>
                  {STANCES[s]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${idp}-archive`}>Archive URL</Label>
          <Input id={`${idp}-archive`} type="url" placeholder="https://web.archive.org/…" value={d.archiveUrl} onChange={set("archiveUrl")} />
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${idp}-excerpt`}>Excerpt</Label>
        <Textarea id={`${idp}-excerpt`} rows={2} className="min-h-14" value={d.excerpt} onChange={set("excerpt")} maxLength={5000} />
      </div>
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" size="sm" disabled={busy}>
          {busy ? "Saving…" : initial ? "Save source" : "Add source"}
        </Button>
      </div>
    </form>
  );
}

function body(d: SourceDraft) {
  return {
    url: d.url.trim(),
    title: d.title || null,
    publisher: d.publisher || null,
    publishedOn: d.publishedOn || null,
    accessedOn: d.accessedOn || null,
    excerpt: d.excerpt || null,
    stance: d.stance,
    archiveUrl: d.archiveUrl.trim() || null,
  };
}

/**
 * The claim's sources with add, edit and remove. Each change is its own request; the claim
 * is refreshed afterwards (`onChanged`) because every source change bumps its version.
 */
export function SourcesEditor({
  claimId,
  sources,
  canEdit,
  beforeChange,
  onChanged,
}: {
  claimId: string;
  sources: ApiSource[];
  canEdit: boolean;
  beforeChange: () => Promise<void>;
  onChanged: () => Promise<void>;
}) {
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    await beforeChange();
    await fn();
    await onChanged();
    setEditing(null);
  };
  const remove = async (s: ApiSource) => {
    try {
      await run(() => api("DELETE", `/api/v1/sources/${s.id}`));
      toast.success("Source removed");
    } catch (err) {
      toast.error(err instanceof ApiError ? err.message : "Could not remove the source.");
    }
  };
  return (
    <div className="flex flex-col gap-2">
      {sources.length === 0 && editing !== "new" && <p className="text-sm text-muted-foreground">No sources yet. Approval needs at least one.</p>}
      <ul className="flex flex-col gap-2" aria-label="Sources">
        {sources.map((s) =>
          editing === s.id ? (
            <li key={s.id}>
              <SourceForm initial={s} onCancel={() => setEditing(null)} onSubmit={(d) => run(() => api("PATCH", `/api/v1/sources/${s.id}`, body(d)))} />
            </li>
          ) : (
            <li key={s.id} className="group rounded-md border border-border bg-background p-2.5 text-sm">
              <div className="flex items-start gap-2">
                <div className="min-w-0 flex-1">
                  <a href={s.url} target="_blank" rel="noopener noreferrer nofollow" className="inline-flex max-w-full items-center gap-1 font-medium text-primary hover:underline">
                    <span className="truncate">{s.title || hostOf(s.url)}</span>
                    <ExternalLink className="size-3 shrink-0" aria-hidden="true" />
                  </a>
                  <p className="truncate text-xs text-muted-foreground">
                    {[s.publisher || hostOf(s.url), s.publishedOn && `published ${s.publishedOn}`, s.accessedOn && `accessed ${s.accessedOn}`].filter(Boolean).join(" · ")}
                  </p>
                </div>
                <span className={cn("shrink-0 rounded-full border px-2 py-0.5 text-[11px] font-medium", STANCE_STYLE[s.stance])}>{STANCES[s.stance]}</span>
              </div>
              {s.excerpt && <blockquote className="mt-1.5 border-l-2 border-border pl-2 text-xs italic text-muted-foreground">{s.excerpt}</blockquote>}
              <div className="mt-1.5 flex items-center gap-3 text-xs">
                {s.archiveUrl && (
                  <a href={s.archiveUrl} target="_blank" rel="noopener noreferrer nofollow" className="inline-flex items-center gap-1 text-muted-foreground hover:text-foreground hover:underline">
                    <Archive className="size-3" aria-hidden="true" /> Archived copy
                  </a>
                )}
                {canEdit && (
                  <span className="ml-auto flex gap-1">
                    <Button variant="ghost" size="sm" className="h-7 px-2" onClick={() => setEditing(s.id)} aria-label={`Edit source ${s.title || hostOf(s.url)}`}>
                      <Pencil aria-hidden="true" /> Edit
                    </Button>
                    <Button variant="ghost" size="sm" className="h-7 px-2 text-destructive" onClick={() => remove(s)} aria-label={`Remove source ${s.title || hostOf(s.url)}`}>
                      <Trash2 aria-hidden="true" /> Remove
                    </Button>
                  </span>
                )}
              </div>
            </li>
          ),
        )}
      </ul>
      {canEdit &&
        (editing === "new" ? (
          <SourceForm onCancel={() => setEditing(null)} onSubmit={(d) => run(() => api("POST", `/api/v1/claims/${claimId}/sources`, body(d)))} />
        ) : (
          <Button variant="outline" size="sm" className="self-start" onClick={() => setEditing("new")}>
            <Plus aria-hidden="true" /> Add source
          </Button>
        ))}
    </div>
  );
}
