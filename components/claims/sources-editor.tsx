"use client";

import { Archive, ExternalLink, Pencil, Plus, Trash2 } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { ApiSource } from "@/lib/schemas/claim";
import { cn } from "@/lib/utils";
import { api, ApiError } from "@/lib/api-client";
import { hostOf, SourceForm, sourceBody, STANCES, type SourceDraft, type Stance } from "./source-form";
import { useDates } from "@/components/ui/dates";

const STANCE_STYLE: Record<Stance, string> = {
  SUPPORTS: "bg-emerald-50 text-emerald-900 border-emerald-200",
  REFUTES: "bg-red-50 text-red-900 border-red-200",
  CONTEXT: "bg-slate-50 text-slate-700 border-slate-200",
};

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
  const { date } = useDates();
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // After adding one, focus returns to "Add source": the next one is Enter, paste, Enter away.
  const focusAdd = () => requestAnimationFrame(() => addButton.current?.focus());
  const run = async (fn: () => Promise<unknown>) => {
    await beforeChange();
    await fn();
    await onChanged();
    if (editing === "new") focusAdd();
    setEditing(null);
  };
  const saveEdit = async (s: ApiSource, d: SourceDraft) => {
    try {
      await run(() => api("PATCH", `/api/v1/sources/${s.id}`, { ...sourceBody(d), version: s.version }));
    } catch (err) {
      if (!(err instanceof ApiError && err.code === "CONFLICT")) throw err;
      // Load their version (the form keeps yours): saving again replaces theirs knowingly.
      await onChanged();
      throw new Error("Someone else changed this source while you were editing it. Your edit is still in the form: save again to replace their version with yours, or cancel to keep theirs.");
    }
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
              <SourceForm initial={s} onCancel={() => setEditing(null)} onSubmit={(d) => saveEdit(s, d)} />
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
                    {[s.publisher || hostOf(s.url), s.publishedOn && `published ${date(s.publishedOn)}`, s.accessedOn && `accessed ${date(s.accessedOn)}`].filter(Boolean).join(" · ")}
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
          <SourceForm
            claimId={claimId}
            onCancel={() => {
              focusAdd();
              setEditing(null);
            }}
            onSubmit={(d) => run(() => api("POST", `/api/v1/claims/${claimId}/sources`, sourceBody(d)))}
            onAttach={(d) => run(() => api("POST", `/api/v1/claims/${claimId}/sources`, sourceBody(d)))}
          />
        ) : (
          <Button ref={addButton} variant="outline" size="sm" className="self-start" onClick={() => setEditing("new")}>
            <Plus aria-hidden="true" /> Add source
          </Button>
        ))}
    </div>
  );
}
