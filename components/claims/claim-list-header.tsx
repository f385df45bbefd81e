"use client";

import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from "@/components/ui/select";
import { STATUS_LABELS, type ClaimStatusValue } from "./claim-badges";
import type { PanelContext } from "./claim-types";

export const ALL = "__all__";

export interface ClaimFilters {
  verdict: string;
  status: string;
  assignee: string;
}

export const NO_FILTERS: ClaimFilters = { verdict: ALL, status: ALL, assignee: ALL };

/** The claim list's heading (counts by status, Trash) and its verdict, status and assignee filters. */
export function ClaimListHeader({
  total,
  shown,
  counts,
  filters,
  onFilters,
  ctx,
  onOpenTrash,
  children,
}: {
  total: number;
  shown: number;
  counts: Map<string, number>;
  filters: ClaimFilters;
  onFilters: (update: (f: ClaimFilters) => ClaimFilters) => void;
  ctx: PanelContext;
  onOpenTrash: () => void;
  /** Shown above the heading (who else is on the page). */
  children?: React.ReactNode;
}) {
  const filtered = filters.verdict !== ALL || filters.status !== ALL || filters.assignee !== ALL;
  return (
    <div className="flex flex-col gap-2 border-b border-border p-3">
      {children}
      <div className="flex items-center gap-2">
        <h2 className="text-sm font-semibold">
          Claims <span className="font-normal text-muted-foreground">({filtered ? `${shown} of ${total}` : total})</span>
        </h2>
        <span className="text-xs text-muted-foreground">
          {(["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED"] as const)
            .filter((s) => counts.get(s))
            .map((s) => `${counts.get(s)} ${STATUS_LABELS[s].toLowerCase()}`)
            .join(" · ")}
        </span>
        {ctx.canEdit && (
          <Button variant="ghost" size="sm" className="ml-auto h-7 px-2 text-xs print:hidden" onClick={onOpenTrash}>
            <Trash2 aria-hidden="true" /> Trash
          </Button>
        )}
      </div>
      <div className="grid grid-cols-2 gap-1.5 sm:grid-cols-3 print:hidden" role="group" aria-label="Filter claims">
        <Select value={filters.verdict} onValueChange={(v) => onFilters((f) => ({ ...f, verdict: v }))}>
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
        <Select value={filters.status} onValueChange={(v) => onFilters((f) => ({ ...f, status: v }))}>
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
        <Select value={filters.assignee} onValueChange={(v) => onFilters((f) => ({ ...f, assignee: v }))} disabled={!ctx.canEdit}>
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
  );
}
