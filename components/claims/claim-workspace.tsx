"use client";

import { ArrowLeft, ChevronDown, ChevronUp, Filter, MessageSquare, Paperclip, Trash2, User } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { CheckedBefore } from "@/components/discovery/checked-before";
import { CheckWorthyHints } from "@/components/discovery/check-worthy-hints";
import { ArticleViewer, VerdictLegend, type HighlightGroup, type NewClaimSelection, type ViewerHighlight } from "@/components/viewer";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from "@/components/ui/select";
import { UNRATED_COLOR } from "@/lib/scale/default-scale";
import type { ApiClaim } from "@/lib/schemas/claim";
import { cn } from "@/lib/utils";
import { api, ApiError } from "@/lib/api-client";
import { StatusBadge, STATUS_LABELS, VerdictChip, type ClaimStatusValue } from "./claim-badges";
import { ClaimEditor } from "./claim-editor";
import { byDocumentOrder, type PanelContext } from "./claim-types";
import { TrashDialog } from "./trash-dialog";
import { useLiveArticle } from "@/components/live/use-live-article";
import { PresenceBar } from "@/components/live/presence-bar";

const ALL = "__all__";

interface Filters {
  verdict: string;
  status: string;
  assignee: string;
}

function matches(c: ApiClaim, f: Filters, me: string): boolean {
  if (f.verdict !== ALL && (f.verdict === "none" ? c.verdict !== null : c.verdict !== f.verdict)) return false;
  if (f.status !== ALL && c.status !== f.status) return false;
  if (f.assignee !== ALL) {
    const id = c.assignee?.id ?? null;
    if (f.assignee === "none" ? id !== null : id !== (f.assignee === "me" ? me : f.assignee)) return false;
  }
  return true;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) || el.getAttribute("role") === "combobox");
}

/**
 * The annotation workspace: the article viewer with claim highlights on the left and the
 * claim panel (list, filters, editor) on the right; below the article on narrow screens.
 */
export function ClaimWorkspace({
  articleId,
  html,
  figureOffsets,
  initialClaims,
  liveAfter,
  ctx,
}: {
  articleId: string;
  /** The article body rendered on the server. */
  html: string;
  figureOffsets: number[];
  initialClaims: ApiClaim[];
  /** The newest live event id when the page was rendered. */
  liveAfter: number;
  ctx: PanelContext;
}) {
  const [claims, setClaims] = useState<ApiClaim[]>(() => [...initialClaims].sort(byDocumentOrder));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters>({ verdict: ALL, status: ALL, assignee: ALL });
  const [trashOpen, setTrashOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);

  const verdictOf = useCallback((key: string | null) => ctx.scale.verdicts.find((v) => v.key === key) ?? null, [ctx.scale]);
  const visible = useMemo(() => claims.filter((c) => matches(c, filters, ctx.currentUser.id)), [claims, filters, ctx.currentUser.id]);
  const selected = claims.find((c) => c.id === selectedId) ?? null;
  const filtered = filters.verdict !== ALL || filters.status !== ALL || filters.assignee !== ALL;

  const groups: HighlightGroup[] = useMemo(
    () => [...ctx.scale.verdicts.map((v, i) => ({ name: `v${i}`, color: v.color })), { name: "unrated", color: UNRATED_COLOR }],
    [ctx.scale],
  );
  const highlights: ViewerHighlight[] = useMemo(() => {
    const groupOf = new Map(ctx.scale.verdicts.map((v, i) => [v.key, `v${i}`]));
    return visible.map((c) => {
      const v = verdictOf(c.verdict);
      return { id: c.id, start: c.start, end: c.end, group: groupOf.get(c.verdict ?? "") ?? "unrated", label: v?.label ?? "Unrated", statement: c.statement };
    });
  }, [visible, verdictOf, ctx.scale]);

  const upsert = useCallback((c: ApiClaim) => setClaims((list) => [...list.filter((x) => x.id !== c.id), c].sort(byDocumentOrder)), []);

  useLiveArticle({
    articleId,
    after: liveAfter,
    canEdit: ctx.canEdit,
    me: ctx.currentUser.id,
    selectedId,
    claims,
    upsert,
    removeClaim: (id) => setClaims((list) => list.filter((x) => x.id !== id)),
    replaceClaims: (list) => setClaims([...list].sort(byDocumentOrder)),
  });

  const select = useCallback((id: string | null) => {
    setSelectedId(id);
    if (!id) return;
    requestAnimationFrame(() => {
      const el = panelRef.current;
      if (!el) return;
      el.scrollTo({ top: 0 });
      // Narrow screens stack the panel under the article: bring the claim into view.
      if (window.matchMedia?.("(max-width: 1023px)").matches) {
        const box = el.getBoundingClientRect();
        if (box.top > window.innerHeight || box.bottom < 0) el.scrollIntoView({ block: "start" });
      }
    });
  }, []);

  // `?claim=<id>` (a mention link) opens that claim, also on a client-side navigation.
  const linkedClaimId = useSearchParams().get("claim");
  const [openedLink, setOpenedLink] = useState<string | null>(null);
  if (linkedClaimId !== openedLink) {
    setOpenedLink(linkedClaimId);
    if (linkedClaimId && claims.some((c) => c.id === linkedClaimId)) setSelectedId(linkedClaimId);
  }

  const step = useCallback(
    (dir: 1 | -1) => {
      if (visible.length === 0) return;
      const i = visible.findIndex((c) => c.id === selectedId);
      const next = i < 0 ? (dir === 1 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, i + dir));
      select(visible[next].id);
    },
    [visible, selectedId, select],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.shiftKey && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
        e.preventDefault();
        step(e.key === "ArrowDown" ? 1 : -1);
        return;
      }
      if (isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === "j") step(1);
      else if (e.key === "k") step(-1);
      else if (e.key === "Escape" && selectedId && !window.document.querySelector("[role=dialog]")) select(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [step, select, selectedId]);

  const [editorEpoch, setEditorEpoch] = useState(0);

  const onCreateClaim = async (sel: NewClaimSelection) => {
    setCreating(true);
    try {
      const claim = await api<ApiClaim>("POST", `/api/v1/articles/${articleId}/claims`, { target: { selector: [sel.quote, sel.position] } });
      upsert(claim);
      setFilters({ verdict: ALL, status: ALL, assignee: ALL });
      select(claim.id);
      toast.success("Claim added");
    } catch (err) {
      toast.error(err instanceof ApiError ? err.message : "Could not add the claim.");
    } finally {
      setCreating(false);
    }
  };

  const remove = async (c: ApiClaim) => {
    try {
      await api("DELETE", `/api/v1/claims/${c.id}`);
      setClaims((list) => list.filter((x) => x.id !== c.id));
      select(null);
      toast("Claim moved to trash", {
        description: c.statement.length > 80 ? `${c.statement.slice(0, 79)}…` : c.statement,
        action: {
          label: "Undo",
          onClick: async () => {
            try {
              const restored = await api<ApiClaim>("POST", `/api/v1/claims/${c.id}/restore`);
              upsert(restored);
              select(restored.id);
            } catch (err) {
              toast.error(err instanceof Error ? err.message : "Could not restore the claim.");
            }
          },
        },
      });
    } catch (err) {
      toast.error(err instanceof Error ? err.message : "Could not delete the claim.");
    }
  };

  const index = selected ? visible.findIndex((c) => c.id === selected.id) : -1;
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of claims) m.set(c.status, (m.get(c.status) ?? 0) + 1);
    return m;
  }, [claims]);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(380px,440px)] xl:gap-8">
      <div className="min-w-0">
        <div className="rounded-lg border border-border bg-background px-5 py-6 shadow-sm sm:px-10 sm:py-8">
          {ctx.canEdit && (
            <p className="mb-4 rounded-md bg-secondary px-3 py-2 text-xs text-secondary-foreground print:hidden">
              Select text in the article, then choose <strong>Add claim</strong> (or press Alt+Shift+A).{creating ? " Adding…" : ""}
            </p>
          )}
          <ArticleViewer
            html={html}
            figureOffsets={figureOffsets}
            highlights={highlights}
            groups={groups}
            selectedClaimId={selectedId}
            onSelectClaim={select}
            canAnnotate={ctx.canEdit}
            onCreateClaim={onCreateClaim}
          />
        </div>
        <VerdictLegend verdicts={ctx.scale.verdicts} className="mt-3 px-1" />
      </div>

      <aside aria-label="Claims" className="min-w-0 lg:sticky lg:top-[4.5rem] lg:self-start">
        <div ref={panelRef} className="relative flex flex-col rounded-lg border border-border bg-background shadow-sm lg:max-h-[calc(100vh-6rem)] lg:overflow-y-auto" data-testid="claim-panel">
          {selected ? (
            <div className="flex flex-col">
              <div className="sticky top-0 z-10 flex flex-wrap items-center gap-1 border-b border-border bg-background/95 px-3 py-2 backdrop-blur">
                <Button variant="ghost" size="sm" onClick={() => select(null)}>
                  <ArrowLeft aria-hidden="true" /> All claims
                </Button>
                <h2 className="ml-1 whitespace-nowrap text-xs font-normal text-muted-foreground">
                  <span className="sr-only">Claim </span>
                  {index >= 0 ? `${index + 1} of ${visible.length}` : ""}
                </h2>
                <div className="ml-auto flex flex-wrap items-center justify-end gap-1">
                  <VerdictChip verdict={verdictOf(selected.verdict)} />
                  <StatusBadge status={selected.status} />
                  <Button variant="ghost" size="icon" className="size-8" aria-label="Previous claim (k)" title="Previous claim (k or Alt+↑)" onClick={() => step(-1)} disabled={index <= 0}>
                    <ChevronUp aria-hidden="true" />
                  </Button>
                  <Button variant="ghost" size="icon" className="size-8" aria-label="Next claim (j)" title="Next claim (j or Alt+↓)" onClick={() => step(1)} disabled={index < 0 || index >= visible.length - 1}>
                    <ChevronDown aria-hidden="true" />
                  </Button>
                  {ctx.canEdit && (
                    <Button variant="ghost" size="icon" className="size-8 text-destructive" aria-label="Delete claim" title="Delete claim" onClick={() => remove(selected)}>
                      <Trash2 aria-hidden="true" />
                    </Button>
                  )}
                </div>
              </div>
              <div className="p-4">
                <ClaimEditor key={`${selected.id}:${editorEpoch}`} claim={selected} ctx={ctx} onClaimChange={upsert} />
              </div>
              <CheckedBefore
                claim={selected}
                articleId={articleId}
                verdicts={ctx.scale.verdicts}
                canEdit={ctx.canEdit}
                onCopied={(c) => {
                  upsert(c);
                  setEditorEpoch((n) => n + 1); // the editor reloads the copied fields
                }}
              />
            </div>
          ) : (
            <div className="flex flex-col">
              <div className="sticky top-0 z-10 flex flex-col gap-2 border-b border-border bg-background/95 p-3 backdrop-blur">
                <PresenceBar me={ctx.currentUser.id} claimLabel={(id) => claims.find((c) => c.id === id)?.statement ?? null} />
                <div className="flex items-center gap-2">
                  <h2 className="text-sm font-semibold">
                    Claims <span className="font-normal text-muted-foreground">({filtered ? `${visible.length} of ${claims.length}` : claims.length})</span>
                  </h2>
                  <span className="text-xs text-muted-foreground">
                    {(["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED"] as const)
                      .filter((s) => counts.get(s))
                      .map((s) => `${counts.get(s)} ${STATUS_LABELS[s].toLowerCase()}`)
                      .join(" · ")}
                  </span>
                  {ctx.canEdit && (
                    <Button variant="ghost" size="sm" className="ml-auto h-7 px-2 text-xs" onClick={() => setTrashOpen(true)}>
                      <Trash2 aria-hidden="true" /> Trash
                    </Button>
                  )}
                </div>
                <div className="grid grid-cols-2 gap-1.5 sm:grid-cols-3" role="group" aria-label="Filter claims">
                  <Select value={filters.verdict} onValueChange={(v) => setFilters((f) => ({ ...f, verdict: v }))}>
                    <SelectTrigger aria-label="Filter by verdict" className="h-8 text-xs">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value={ALL}>All verdicts</SelectItem>
                      <SelectItem value="none">Unrated</SelectItem>
                      <SelectSeparator />
                      {ctx.scale.verdicts.map((v) => (
                        <SelectItem key={v.key} value={v.key}>
                          {v.label}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <Select value={filters.status} onValueChange={(v) => setFilters((f) => ({ ...f, status: v }))}>
                    <SelectTrigger aria-label="Filter by status" className="h-8 text-xs">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value={ALL}>All statuses</SelectItem>
                      {(Object.keys(STATUS_LABELS) as ClaimStatusValue[]).map((s) => (
                        <SelectItem key={s} value={s}>
                          {STATUS_LABELS[s]}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                  <Select value={filters.assignee} onValueChange={(v) => setFilters((f) => ({ ...f, assignee: v }))} disabled={!ctx.canEdit}>
                    <SelectTrigger aria-label="Filter by assignee" className="col-span-2 h-8 text-xs sm:col-span-1">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value={ALL}>Anyone</SelectItem>
                      <SelectItem value="me">Assigned to me</SelectItem>
                      <SelectItem value="none">Unassigned</SelectItem>
                      <SelectSeparator />
                      {ctx.members.map((m) => (
                        <SelectItem key={m.id} value={m.id}>
                          {m.name}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                </div>
              </div>
              {visible.length === 0 ? (
                <div className="flex flex-col items-center gap-2 px-6 py-10 text-center text-sm text-muted-foreground">
                  <Filter className="size-5" aria-hidden="true" />
                  {claims.length === 0
                    ? ctx.canEdit
                      ? "No claims yet. Select a sentence in the article to check it."
                      : "No published claims on this article."
                    : "No claims match these filters."}
                </div>
              ) : (
                <ol className="flex flex-col divide-y divide-border" aria-label="Claims in document order">
                  {visible.map((c) => {
                    const v = verdictOf(c.verdict);
                    return (
                      <li key={c.id}>
                        <button
                          type="button"
                          onClick={() => select(c.id)}
                          data-claim-id={c.id}
                          className="flex w-full gap-3 px-3 py-3 text-left hover:bg-muted/60 focus-visible:bg-muted/60 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-ring"
                        >
                          <span className="mt-1 h-auto w-1 shrink-0 self-stretch rounded-full" style={{ backgroundColor: v?.color ?? UNRATED_COLOR }} aria-hidden="true" />
                          <span className="flex min-w-0 flex-1 flex-col gap-1.5">
                            <span className="line-clamp-2 text-sm font-medium leading-snug">{c.statement}</span>
                            {c.claimant && <span className="truncate text-xs text-muted-foreground">— {c.claimant}</span>}
                            <span className="flex flex-wrap items-center gap-1.5">
                              <VerdictChip verdict={v} />
                              <StatusBadge status={c.status} />
                              <span className={cn("ml-auto flex items-center gap-2 text-xs text-muted-foreground")}>
                                {c.sources.length > 0 && (
                                  <span className="inline-flex items-center gap-0.5" title={`${c.sources.length} sources`}>
                                    <Paperclip className="size-3" aria-hidden="true" />
                                    <span className="sr-only">Sources:</span> {c.sources.length}
                                  </span>
                                )}
                                {(c.openThreadCount ?? 0) > 0 && (
                                  <span className="inline-flex items-center gap-0.5" title={`${c.openThreadCount} open threads`}>
                                    <MessageSquare className="size-3" aria-hidden="true" />
                                    <span className="sr-only">Open threads:</span> {c.openThreadCount}
                                  </span>
                                )}
                                {c.assignee && (
                                  <span className="inline-flex max-w-24 items-center gap-0.5 truncate" title={`Assigned to ${c.assignee.name}`}>
                                    <User className="size-3" aria-hidden="true" />
                                    <span className="sr-only">Assignee:</span> {c.assignee.name.split(" ")[0]}
                                  </span>
                                )}
                              </span>
                            </span>
                          </span>
                        </button>
                      </li>
                    );
                  })}
                </ol>
              )}
              {ctx.canEdit && claims.length === 0 && (
                <CheckWorthyHints
                  articleId={articleId}
                  onCreated={(c) => {
                    upsert(c);
                    select(c.id);
                  }}
                />
              )}
              <p className="border-t border-border px-3 py-2 text-[11px] text-muted-foreground">
                Keyboard: <kbd className="font-mono">j</kbd>/<kbd className="font-mono">k</kbd> or Alt+↓/↑ next and previous claim · Esc back to the list
              </p>
            </div>
          )}
        </div>
      </aside>
      {trashOpen && <TrashDialog open={trashOpen} onOpenChange={setTrashOpen} articleId={articleId} onRestored={upsert} />}
    </div>
  );
}
