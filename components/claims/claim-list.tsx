"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { MessageSquare, Paperclip, User } from "lucide-react";
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { ClaimSummary, StatementReader } from "@/lib/claims/claim-index";
import { UNRATED_COLOR } from "@/lib/scale/default-scale";
import type { ApiPerson, ApiScaleVerdict } from "@/lib/schemas/claim";
import { StatusBadge, VerdictChip } from "./claim-badges";

const ROW_ESTIMATE = 84;

const ClaimRow = memo(function ClaimRow({
  claim,
  statementOf,
  verdict,
  assignee,
  tabbable,
  onSelect,
}: {
  claim: ClaimSummary;
  statementOf: StatementReader;
  verdict: ApiScaleVerdict | null;
  assignee: ApiPerson | null;
  tabbable: boolean;
  onSelect: (id: string) => void;
}) {
  return (
    <button
      type="button"
      onClick={() => onSelect(claim.id)}
      data-claim-id={claim.id}
      tabIndex={tabbable ? 0 : -1}
      className="flex w-full gap-3 px-3 py-3 text-left hover:bg-muted/60 focus-visible:bg-muted/60 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-ring"
    >
      <span className="mt-1 h-auto w-1 shrink-0 self-stretch rounded-full" style={{ backgroundColor: verdict?.color ?? UNRATED_COLOR }} aria-hidden="true" />
      <span className="flex min-w-0 flex-1 flex-col gap-1.5">
        <span className="line-clamp-2 text-sm font-medium leading-snug">{statementOf(claim)}</span>
        {claim.claimant && <span className="truncate text-xs text-muted-foreground">— {claim.claimant}</span>}
        <span className="flex flex-wrap items-center gap-1.5">
          <VerdictChip verdict={verdict} />
          <StatusBadge status={claim.status} />
          <span className="ml-auto flex items-center gap-2 text-xs text-muted-foreground">
            {claim.sourceCount > 0 && (
              <span className="inline-flex items-center gap-0.5" title={`${claim.sourceCount} sources`}>
                <Paperclip className="size-3" aria-hidden="true" />
                <span className="sr-only">Sources:</span> {claim.sourceCount}
              </span>
            )}
            {claim.openThreadCount > 0 && (
              <span className="inline-flex items-center gap-0.5" title={`${claim.openThreadCount} open threads`}>
                <MessageSquare className="size-3" aria-hidden="true" />
                <span className="sr-only">Open threads:</span> {claim.openThreadCount}
              </span>
            )}
            {assignee && (
              <span className="inline-flex max-w-24 items-center gap-0.5 truncate" title={`Assigned to ${assignee.name}`}>
                <User className="size-3" aria-hidden="true" />
                <span className="sr-only">Assignee:</span> {assignee.name.split(" ")[0]}
              </span>
            )}
          </span>
        </span>
      </span>
    </button>
  );
});

/**
 * The claim list, virtualised: only the rows in (and near) view are in the DOM, in their own
 * scroll box. One tab stop; arrow keys, Home, End, Page Up/Down move between claims (the list
 * scrolls to the row), Enter opens one. Rows say their place in the whole list (aria-posinset).
 */
export function ClaimList({
  claims,
  statementOf,
  verdictOf,
  members,
  focusId,
  onSelect,
}: {
  claims: ClaimSummary[];
  /** Statements (a summary leaves out the default one, made from the article text). */
  statementOf: StatementReader;
  verdictOf: (key: string | null) => ApiScaleVerdict | null;
  members: ApiPerson[];
  /** Scrolled into view when the list appears (the claim just closed). */
  focusId: string | null;
  onSelect: (id: string) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(() => Math.max(0, claims.findIndex((c) => c.id === focusId)));
  const pendingFocus = useRef<number | null>(null);
  const memberOf = useMemo(() => new Map(members.map((m) => [m.id, m])), [members]);

  // The app does not run the React Compiler; the virtualizer re-renders the list itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: claims.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (i) => claims[i].id,
    overscan: 4,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const current = Math.min(active, claims.length - 1);
  const tabbable = items.some((it) => it.index === current) ? current : (items[0]?.index ?? 0);

  // Back from a claim: its row is in view again.
  useLayoutEffect(() => {
    const i = claims.findIndex((c) => c.id === focusId);
    if (i > 0) virtualizer.scrollToIndex(i, { align: "center" });
    // Only when the list appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const i = pendingFocus.current;
    if (i === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${i}"] button`);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const move = (to: number) => {
    const i = Math.max(0, Math.min(claims.length - 1, to));
    setActive(i);
    pendingFocus.current = i;
    virtualizer.scrollToIndex(i, { align: "auto" });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const at = Number((e.target as HTMLElement).closest("[data-index]")?.getAttribute("data-index") ?? current);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_ESTIMATE * 5) / ROW_ESTIMATE) - 1);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: claims.length - 1, PageDown: at + page, PageUp: at - page }[e.key];
    if (to === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    move(to);
  };

  return (
    <div ref={scrollRef} className="max-h-[70vh] min-h-0 flex-1 overflow-y-auto overscroll-contain lg:max-h-none" data-testid="claim-list-scroll">
      <ol
        aria-label="Claims in document order"
        className="relative w-full"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const i = Number((e.target as HTMLElement).closest("[data-index]")?.getAttribute("data-index"));
          if (Number.isInteger(i) && i !== active) setActive(i);
        }}
      >
        {items.map((it) => {
          const c = claims[it.index];
          return (
            <li
              key={it.key}
              data-index={it.index}
              ref={virtualizer.measureElement}
              aria-setsize={claims.length}
              aria-posinset={it.index + 1}
              className="absolute left-0 top-0 w-full border-b border-border"
              style={{ transform: `translateY(${it.start}px)` }}
            >
              <ClaimRow
                claim={c}
                statementOf={statementOf}
                verdict={verdictOf(c.verdict)}
                assignee={c.assigneeId ? (memberOf.get(c.assigneeId) ?? null) : null}
                tabbable={it.index === tabbable}
                onSelect={onSelect}
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
