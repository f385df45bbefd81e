"use client";

import { Loader2 } from "lucide-react";
import { useCallback, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { ApiSource } from "@/lib/schemas/claim";
import type { ApiSourceLookup, ApiSourceSuggestion } from "@/lib/schemas/source-entry";
import { cn } from "@/lib/utils";
import { useSourceLookup } from "./use-source-lookup";

export const STANCES = { SUPPORTS: "Supports", REFUTES: "Refutes", CONTEXT: "Context" } as const;
export type Stance = keyof typeof STANCES;

export interface SourceDraft {
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

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/** The request body for a draft (POST /claims/:id/sources, PATCH /sources/:id). */
export function sourceBody(d: SourceDraft) {
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

/** A workspace source attached again: its citation details, this form's stance, access date and excerpt. */
export function draftFromSuggestion(s: ApiSourceSuggestion, form: SourceDraft): SourceDraft {
  return { ...form, url: s.url, title: s.title ?? "", publisher: s.publisher ?? "", publishedOn: s.publishedOn ?? "", archiveUrl: s.archiveUrl ?? "" };
}

type Filled = "title" | "publisher" | "publishedOn";

/** The page's details in the fields the user has not typed in. */
function withLookup(d: SourceDraft, r: Pick<ApiSourceLookup, Filled>, touched: ReadonlySet<string>): SourceDraft {
  const next = { ...d };
  for (const k of ["title", "publisher", "publishedOn"] as Filled[]) if (r[k] && !touched.has(k)) next[k] = r[k]!;
  return next;
}

/**
 * Add or edit one source. For a new source, a pasted or typed URL is looked up on the server and
 * fills title, publisher and date (fields the user typed in are left alone), and the workspace's
 * sources matching the URL field are offered as options: ↓/↑ and Enter, or a click, attach one.
 */
export function SourceForm({
  initial,
  claimId,
  onCancel,
  onSubmit,
  onAttach,
}: {
  initial?: ApiSource;
  /** Set for a new source: enables suggestions of the workspace's sources. */
  claimId?: string;
  onCancel: () => void;
  onSubmit: (d: SourceDraft) => Promise<void>;
  onAttach?: (d: SourceDraft) => Promise<void>;
}) {
  const [d, setD] = useState<SourceDraft>(() => draftOf(initial));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [active, setActive] = useState(-1);
  const [listOpen, setListOpen] = useState(true);
  const touched = useRef(new Set<keyof SourceDraft>());
  const idp = `src-${useId().replace(/:/g, "")}`;
  const fill = useCallback((r: ApiSourceLookup) => {
    const t = new Set(touched.current);
    setD((prev) => withLookup(prev, r, t));
  }, []);
  const assist = useSourceLookup(initial ? "" : d.url, initial ? null : (claimId ?? null), fill);
  const options = listOpen ? assist.suggestions : [];

  const change = (k: keyof SourceDraft, value: string) => {
    touched.current.add(k);
    if (k === "url") {
      setActive(-1);
      setListOpen(true);
    }
    setD((prev) => ({ ...prev, [k]: value }));
  };

  const save = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err instanceof Error ? err.message : "Could not save the source.");
    } finally {
      setBusy(false);
    }
  };

  const attach = (s: ApiSourceSuggestion) => {
    if (!onAttach || busy) return;
    void save(() => onAttach(draftFromSuggestion(s, d)));
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const problem = httpProblem(d.url, "The source URL", true) ?? httpProblem(d.archiveUrl, "The archive URL", false);
    if (problem) return setError(problem);
    await save(async () => {
      // Enter right after a paste: the page's title is worth the wait.
      const found = initial ? null : await assist.settle();
      await onSubmit(found ? withLookup(d, found, touched.current) : d);
    });
  };

  const onUrlKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (options.length === 0) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (e.key === "ArrowDown" ? (i + 1) % options.length : i <= 0 ? options.length - 1 : i - 1));
    } else if (e.key === "Enter" && active >= 0 && options[active]) {
      e.preventDefault();
      attach(options[active]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setListOpen(false);
    }
  };

  const lookup = assist.lookup;
  const listId = `${idp}-suggestions`;
  return (
    <form onSubmit={submit} className="flex flex-col gap-2.5 rounded-md border border-border bg-muted/40 p-3" aria-label={initial ? "Edit source" : "Add source"}>
      <div className="relative flex flex-col gap-1">
        <Label htmlFor={`${idp}-url`}>URL</Label>
        <Input
          id={`${idp}-url`}
          type="url"
          inputMode="url"
          placeholder={initial ? "https://" : "Paste a link, or type to find a source already used"}
          value={d.url}
          onChange={(e) => change("url", e.target.value)}
          onKeyDown={onUrlKey}
          required
          autoFocus
          autoComplete="off"
          role={initial ? undefined : "combobox"}
          aria-expanded={initial ? undefined : options.length > 0}
          aria-controls={initial ? undefined : listId}
          aria-autocomplete={initial ? undefined : "list"}
          aria-activedescendant={active >= 0 && options[active] ? `${listId}-${active}` : undefined}
          aria-describedby={`${idp}-url-note`}
        />
        {!initial && (
          <ul
            id={listId}
            role="listbox"
            aria-label="Sources already used in this workspace"
            hidden={options.length === 0}
            className="absolute top-full z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-border bg-popover p-1 text-sm shadow-md"
          >
            {options.map((s, i) => (
              <li
                key={s.url}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                data-testid="source-suggestion"
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => attach(s)}
                className={cn("flex cursor-pointer flex-col rounded px-2 py-1.5", i === active && "bg-accent text-accent-foreground")}
              >
                <span className="truncate font-medium">{s.title || hostOf(s.url)}</span>
                <span className="truncate text-xs text-muted-foreground">
                  {[s.publisher || hostOf(s.url), s.publishedOn, s.uses > 1 ? `cited ${s.uses} times` : "cited once"].filter(Boolean).join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p id={`${idp}-url-note`} role="status" className="min-h-4 text-xs text-muted-foreground" data-testid="source-lookup-note">
          {lookup.kind === "busy" && (
            <span className="inline-flex items-center gap-1">
              <Loader2 className="size-3 animate-spin" aria-hidden="true" /> Reading the page…
            </span>
          )}
          {lookup.kind === "done" && (lookup.result.note ?? "Title, publisher and date filled in from the page: check them.")}
          {lookup.kind === "idle" && options.length > 0 && "↓ to pick a source already used, Enter to attach it."}
        </p>
      </div>
      <div className="grid gap-2.5 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${idp}-title`}>Title</Label>
          <Input id={`${idp}-title`} value={d.title} onChange={(e) => change("title", e.target.value)} maxLength={500} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${idp}-publisher`}>Publisher</Label>
          <Input id={`${idp}-publisher`} value={d.publisher} onChange={(e) => change("publisher", e.target.value)} maxLength={200} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${idp}-published`}>Published</Label>
          <Input id={`${idp}-published`} type="date" value={d.publishedOn} onChange={(e) => change("publishedOn", e.target.value)} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${idp}-accessed`}>Accessed</Label>
          <Input id={`${idp}-accessed`} type="date" value={d.accessedOn} onChange={(e) => change("accessedOn", e.target.value)} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${idp}-stance`}>Stance</Label>
          <Select value={d.stance} onValueChange={(v) => setD((prev) => ({ ...prev, stance: v as Stance }))}>
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
          <Input id={`${idp}-archive`} type="url" placeholder="https://web.archive.org/…" value={d.archiveUrl} onChange={(e) => change("archiveUrl", e.target.value)} />
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${idp}-excerpt`}>Excerpt</Label>
        <Textarea id={`${idp}-excerpt`} rows={2} className="min-h-14" value={d.excerpt} onChange={(e) => change("excerpt", e.target.value)} maxLength={5000} />
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
