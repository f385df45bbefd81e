"use client";

import { Filter, TextSelect } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { CheckWorthyHints } from "@/components/discovery/check-worthy-hints";
import { SelectionCheckedBefore } from "@/components/discovery/selection-checked-before";
import { Button } from "@/components/ui/button";
import { ArticleViewer, VerdictLegend, type HighlightGroup, type NewClaimSelection, type ViewerHighlight } from "@/components/viewer";
import { decodeClaimIndex, statementReader, summaryOf, type ClaimIndex, type ClaimSummary } from "@/lib/claims/claim-index";
import { UNRATED_COLOR } from "@/lib/scale/default-scale";
import type { ApiClaim } from "@/lib/schemas/claim";
import type { ApiLinkedClaim, ApiSimilarClaim } from "@/lib/schemas/claim-link";
import { api, ApiError } from "@/lib/api-client";
import { ClaimDetail } from "./claim-detail";
import { ClaimList } from "./claim-list";
import { ALL, ClaimListHeader, NO_FILTERS, type ClaimFilters } from "./claim-list-header";
import type { PanelContext } from "./claim-types";
import { TrashDialog } from "./trash-dialog";
import { useClaimStore } from "./use-claim-store";
import { AnnotateHint } from "@/components/viewer/annotate-hint";
import { useArticleBody, type ArticleBodyRef } from "@/components/viewer/use-article-body";
import { useLiveArticle } from "@/components/live/use-live-article";
import { PresenceBar } from "@/components/live/presence-bar";

function matches(c: ClaimSummary, f: ClaimFilters, me: string): boolean {
  if (f.verdict !== ALL && (f.verdict === "none" ? c.verdict !== null : c.verdict !== f.verdict)) return false;
  if (f.status !== ALL && c.status !== f.status) return false;
  if (f.assignee !== ALL) {
    const id = c.assigneeId;
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
 * claim panel (list, filters, editor) on the right; below the article on narrow screens. The page
 * hands over every claim summarised (a ClaimIndex); a claim's details load when it is opened.
 */
export function ClaimWorkspace({
  articleId,
  body,
  claimIndex,
  liveAfter,
  nonce,
  ctx,
}: {
  articleId: string;
  /** The article body rendered on the server (its HTML only when the page is not a full load). */
  body: ArticleBodyRef;
  claimIndex: ClaimIndex;
  /** The newest live event id when the page was rendered. */
  liveAfter: number;
  /** The page's CSP nonce (the viewer's inline script paints the highlights before hydration). */
  nonce?: string;
  ctx: PanelContext;
}) {
  const [initialClaims] = useState(() => decodeClaimIndex(claimIndex));
  const { html, failed: bodyFailed } = useArticleBody(articleId, body);
  const { claims, byId, upsert, remove: removeClaim, dispatch } = useClaimStore(initialClaims);
  // The canonical text, read from the article body once the viewer has mapped it.
  const [text, setText] = useState("");
  const statementOf = useMemo(() => statementReader(text), [text]);
  // Details the page already holds (a claim just made): the panel opens with them.
  const [seed, setSeed] = useState<ApiClaim | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [filters, setFilters] = useState<ClaimFilters>(NO_FILTERS);
  const [trashOpen, setTrashOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [lastOpened, setLastOpened] = useState<string | null>(null);
  const detailRef = useRef<HTMLDivElement>(null);

  const verdictByKey = useMemo(() => new Map(ctx.scale.verdicts.map((v) => [v.key, v])), [ctx.scale]);
  const verdictOf = useCallback((key: string | null) => (key === null ? null : (verdictByKey.get(key) ?? null)), [verdictByKey]);
  const visible = useMemo(() => claims.filter((c) => matches(c, filters, ctx.currentUser.id)), [claims, filters, ctx.currentUser.id]);
  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;

  const groups: HighlightGroup[] = useMemo(
    () => [...ctx.scale.verdicts.map((v, i) => ({ name: `v${i}`, color: v.color })), { name: "unrated", color: UNRATED_COLOR }],
    [ctx.scale],
  );
  const highlights: ViewerHighlight[] = useMemo(() => {
    const groupOf = new Map(ctx.scale.verdicts.map((v, i) => [v.key, `v${i}`]));
    return visible.map((c) => {
      const v = verdictOf(c.verdict);
      return { id: c.id, start: c.start, end: c.end, group: groupOf.get(c.verdict ?? "") ?? "unrated", label: v?.label ?? "Unrated" };
    });
  }, [visible, verdictOf, ctx.scale]);

  useLiveArticle({
    articleId,
    after: liveAfter,
    canEdit: ctx.canEdit,
    me: ctx.currentUser.id,
    selectedId,
    claims,
    upsert,
    removeClaim,
    replaceClaims: (list) => dispatch({ type: "reset", claims: list.map(summaryOf) }),
  });

  const select = useCallback((id: string | null, details: ApiClaim | null = null) => {
    setSelectedId(id);
    setSeed(details);
    if (!id) return;
    setLastOpened(id);
    requestAnimationFrame(() => {
      const el = detailRef.current;
      if (!el) return;
      el.scrollTo({ top: 0 });
      // Narrow screens stack the panel under the article: bring the claim's header into view,
      // below the sticky app header (html's scroll-padding-top is the header's height).
      if (window.matchMedia?.("(max-width: 1023px)").matches) {
        const headerBottom = document.getElementById("app-header")?.getBoundingClientRect().bottom ?? 0;
        const top = el.getBoundingClientRect().top;
        if (top < headerBottom || top > window.innerHeight - 120) el.scrollIntoView({ block: "start" });
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

  /** Adds the claim; with `earlier`, links it to that earlier claim and copies its check in (still a draft). */
  const onCreateClaim = async (sel: NewClaimSelection, earlier?: ApiSimilarClaim) => {
    setCreating(true);
    let claim: ApiClaim | null = null;
    try {
      claim = await api<ApiClaim>("POST", `/api/v1/articles/${articleId}/claims`, { target: { selector: [sel.quote, sel.position] } });
      upsert(claim);
      setFilters(NO_FILTERS);
      if (earlier) {
        const r = await api<{ claim: ApiClaim; links: ApiLinkedClaim[] }>("POST", `/api/v1/claims/${encodeURIComponent(claim.id)}/links`, { toClaimId: earlier.id, copy: true });
        claim = r.claim;
        upsert(claim);
        toast.success("Claim added with the earlier check copied in", { description: "Still a draft: review it before approval." });
      }
      // No "Claim added" toast otherwise: the new claim opening in the panel says it, and a toast covered the panel's buttons.
    } catch (err) {
      const message = err instanceof ApiError ? err.message : "Could not add the claim.";
      toast.error(claim ? `The claim was added, but the earlier check was not copied: ${message}` : message);
    } finally {
      if (claim) select(claim.id, claim);
      setCreating(false);
    }
  };

  const remove = async (c: ClaimSummary) => {
    const statement = statementOf(c);
    try {
      await api("DELETE", `/api/v1/claims/${c.id}`);
      removeClaim(c.id);
      select(null);
      toast("Claim moved to trash", {
        description: statement.length > 80 ? `${statement.slice(0, 79)}…` : statement,
        action: {
          label: "Undo",
          onClick: async () => {
            try {
              const back = await api<ApiClaim>("POST", `/api/v1/claims/${c.id}/restore`);
              upsert(back);
              select(back.id, back);
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
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(380px,440px)] xl:gap-8 print:block">
      <div className="min-w-0">
        <div className="rounded-lg border border-border bg-background px-5 py-6 shadow-sm sm:px-10 sm:py-8">
          <AnnotateHint canEdit={ctx.canEdit} busy={creating} />
          {html === null ? (
            <p role="status" className="py-10 text-center text-sm text-muted-foreground" data-testid="article-text-loading">
              {bodyFailed ? "Could not load the article text. Reload the page to try again." : "Loading the article text…"}
            </p>
          ) : (
            <ArticleViewer
              html={html}
              bodyKey={body.key}
              figureOffsets={body.figureOffsets}
              highlights={highlights}
              groups={groups}
              selectedClaimId={selectedId}
              selectedStatement={selected && text ? statementOf(selected) : undefined}
              onSelectClaim={select}
              canAnnotate={ctx.canEdit}
              onCreateClaim={onCreateClaim}
              selectionExtra={(selectedText, take) => (
                <SelectionCheckedBefore
                  articleId={articleId}
                  text={selectedText}
                  verdicts={ctx.scale.verdicts}
                  onUse={(earlier) => {
                    const sel = take();
                    if (sel) void onCreateClaim(sel, earlier);
                  }}
                />
              )}
              onTextReady={setText}
              nonce={nonce}
            />
          )}
        </div>
        <VerdictLegend verdicts={ctx.scale.verdicts} className="mt-3 px-1" />
      </div>

      <aside id="claims" aria-label="Claims" className="min-w-0 lg:sticky lg:top-[4.5rem] lg:self-start">
        <div className="relative flex flex-col overflow-hidden rounded-lg border border-border bg-background shadow-sm lg:max-h-[calc(100vh-6rem)]" data-testid="claim-panel">
          {selected ? (
            <ClaimDetail
              key={selected.id}
              ref={detailRef}
              summary={selected}
              seed={seed?.id === selected.id ? seed : null}
              statementOf={statementOf}
              articleId={articleId}
              index={index}
              total={visible.length}
              ctx={ctx}
              verdictOf={verdictOf}
              onBack={() => select(null)}
              onStep={step}
              onDelete={remove}
              onClaimChange={upsert}
            />
          ) : (
            <>
              <ClaimListHeader
                total={claims.length}
                shown={visible.length}
                counts={counts}
                filters={filters}
                onFilters={setFilters}
                ctx={ctx}
                onOpenTrash={() => setTrashOpen(true)}
              >
                <PresenceBar me={ctx.currentUser.id} claimLabel={(id) => (byId.has(id) ? statementOf(byId.get(id)!) : null)} />
              </ClaimListHeader>
              {visible.length === 0 ? (
                <div className="flex flex-col items-center gap-2 px-6 py-10 text-center text-sm text-muted-foreground" data-testid="claims-empty">
                  {claims.length === 0 ? (
                    <>
                      <TextSelect className="size-6 text-primary" aria-hidden="true" />
                      <p className="font-medium text-foreground">{ctx.canEdit ? "No claims yet" : "No published claims on this article"}</p>
                      {ctx.canEdit && (
                        <p>
                          Select a sentence in the article, then choose <strong>Add claim</strong> (or press Alt+Shift+A). Each claim gets a verdict, a rationale and
                          sources before it is reviewed.
                        </p>
                      )}
                    </>
                  ) : (
                    <>
                      <Filter className="size-5" aria-hidden="true" />
                      <p className="font-medium text-foreground">No claims match these filters</p>
                      <p>
                        The filters hide all {claims.length} {claims.length === 1 ? "claim" : "claims"} on this article.
                      </p>
                      <Button variant="outline" size="sm" className="mt-1" onClick={() => setFilters(NO_FILTERS)}>
                        Show all claims
                      </Button>
                    </>
                  )}
                </div>
              ) : (
                <ClaimList claims={visible} statementOf={statementOf} verdictOf={verdictOf} members={ctx.members} focusId={lastOpened} onSelect={select} />
              )}
              {ctx.canEdit && claims.length === 0 && (
                <CheckWorthyHints
                  articleId={articleId}
                  onCreated={(c) => {
                    upsert(c);
                    select(c.id, c);
                  }}
                />
              )}
              <p className="border-t border-border px-3 py-2 text-[11px] text-muted-foreground print:hidden">
                Keyboard: <kbd className="font-mono">j</kbd>/<kbd className="font-mono">k</kbd> or Alt+↓/↑ next and previous claim · Esc back to the list
              </p>
            </>
          )}
        </div>
      </aside>
      {trashOpen && <TrashDialog open={trashOpen} onOpenChange={setTrashOpen} articleId={articleId} onRestored={upsert} />}
    </div>
  );
}
