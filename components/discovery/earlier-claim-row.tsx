"use client";

import Link from "next/link";
import * as React from "react";
import { VerdictChip } from "@/components/claims/claim-badges";
import { useDates } from "@/components/ui/dates";
import { cn } from "@/lib/utils";
import type { ApiScaleVerdict } from "@/lib/schemas/claim";
import { claimHref } from "./search-links";

type EarlierClaim = { id: string; articleId: string; statement: string; verdictKey: string | null; articleTitle: string; createdAt: string };

/**
 * One earlier claim of the workspace in the "Checked before?" lists: its statement (a link to it),
 * verdict, article and date, then whatever the list offers (`badges` beside the verdict, `children`
 * as actions). Shared by the claim panel and the selection popup so both read alike.
 */
export function EarlierClaimRow({
  claim,
  verdicts,
  compact = false,
  caption,
  badges,
  meta,
  end,
  className,
  children,
}: {
  claim: EarlierClaim;
  verdicts: ApiScaleVerdict[];
  /** The selection popup's small variant: two-line statement, tighter spacing. */
  compact?: boolean;
  /** A line above the statement ("We checked this before:"). */
  caption?: React.ReactNode;
  /** Shown after the verdict (a status badge). */
  badges?: React.ReactNode;
  /** Appended to "article · date" (similarity). */
  meta?: string;
  /** At the end of the verdict line (an Unlink button). */
  end?: React.ReactNode;
  className?: string;
  /** Actions under the row. */
  children?: React.ReactNode;
}) {
  const { date } = useDates();
  const verdict = claim.verdictKey ? verdicts.find((v) => v.key === claim.verdictKey) : null;
  return (
    <li className={cn("border border-border", compact ? "rounded p-1.5" : "rounded-md p-2 text-sm", className)}>
      {caption && <p className="text-xs text-muted-foreground">{caption}</p>}
      <Link href={claimHref(claim)} className={cn("font-medium underline-offset-2 hover:underline", compact && "line-clamp-2 text-foreground")}>
        {claim.statement}
      </Link>
      <p className={cn("flex flex-wrap items-center text-muted-foreground", compact ? "mt-0.5 gap-1" : "mt-1 gap-1.5 text-xs")}>
        <VerdictChip verdict={verdict} />
        {badges}
        <span>
          {claim.articleTitle} · {date(claim.createdAt)}
          {meta && ` · ${meta}`}
        </span>
        {end}
      </p>
      {children}
    </li>
  );
}
