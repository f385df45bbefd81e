"use client";

import { useEffect, useState } from "react";
import type { ApiHistoryEntry, ApiPerson, ApiScale } from "@/lib/schemas/claim";
import { api } from "@/lib/api-client";
import { htmlToText } from "./claim-types";
import { timeAgo } from "./time-ago";
import { useDates } from "@/components/ui/dates";

const ACTIONS: Record<string, string> = {
  "claim.create": "created the claim",
  "claim.update": "edited",
  "claim.submit": "submitted for review",
  "claim.approve": "approved",
  "claim.request-changes": "requested changes",
  "claim.delete": "moved to trash",
  "claim.restore": "restored",
  "claim.publish": "published",
  "source.add": "added a source",
  "source.update": "edited a source",
  "source.remove": "removed a source",
};

const FIELD_NAMES: Record<string, string> = {
  assigneeId: "assignee",
  publishedOn: "published",
  accessedOn: "accessed",
  archiveUrl: "archive URL",
  deletedAt: "trash",
  publishedAt: "published",
  approvedAt: "approved",
  approvedById: "approver",
};

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function show(field: string, value: unknown, scale: ApiScale, members: ApiPerson[], dateTime: (iso: string) => string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field === "verdict") return scale.verdicts.find((v) => v.key === value)?.label ?? String(value);
  if (field === "assigneeId" || field === "approvedById") return members.find((m) => m.id === value)?.name ?? "a member";
  if (typeof value === "string" && ISO_TIMESTAMP.test(value)) return dateTime(value);
  if (field === "status") return String(value).replace("_", " ").toLowerCase();
  const text = field === "rationale" ? htmlToText(String(value)) : String(value);
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

/** The claim's change log: who, when, which fields, before → after. */
export function ClaimHistory({ claimId, version, scale, members }: { claimId: string; version: number; scale: ApiScale; members: ApiPerson[] }) {
  const { dateTime } = useDates();
  const [entries, setEntries] = useState<ApiHistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api<{ history: ApiHistoryEntry[] }>("GET", `/api/v1/claims/${claimId}/history`)
      .then((r) => live && (setEntries(r.history), setError(null)))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [claimId, version]);
  if (error) return <p role="alert" className="text-sm text-destructive">{error}</p>;
  if (!entries) return <p className="text-sm text-muted-foreground">Loading history…</p>;
  return (
    <ol className="relative flex flex-col gap-3 border-l border-border pl-4" aria-label="Claim history">
      {[...entries].reverse().map((e) => {
        const fields = e.action === "claim.create" || e.action === "source.add" || e.action === "source.remove" ? [] : e.fields;
        return (
          <li key={e.id} className="relative text-sm">
            <span className="absolute -left-[21px] top-1.5 size-2.5 rounded-full border-2 border-background bg-primary" aria-hidden="true" />
            <p>
              <span className="font-medium">{e.actor?.name ?? "Someone"}</span> {ACTIONS[e.action] ?? e.action}
              {e.action === "source.add" && e.after?.url ? <span className="text-muted-foreground"> ({String(e.after.title ?? e.after.url)})</span> : null}
              {e.action === "source.remove" && e.before?.url ? <span className="text-muted-foreground"> ({String(e.before.title ?? e.before.url)})</span> : null}
              <time dateTime={e.createdAt} title={dateTime(e.createdAt)} className="ml-2 text-xs text-muted-foreground">
                {timeAgo(e.createdAt)}
              </time>
            </p>
            {fields.length > 0 && (
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
                {fields.map((f) => (
                  <div key={f} className="contents">
                    <dt className="font-medium capitalize text-muted-foreground">{FIELD_NAMES[f] ?? f}</dt>
                    <dd className="min-w-0 break-words">
                      <del className="text-muted-foreground">{show(f, e.before?.[f], scale, members, dateTime)}</del>
                      <span aria-hidden="true"> → </span>
                      <span className="sr-only"> changed to </span>
                      <ins className="no-underline">{show(f, e.after?.[f], scale, members, dateTime)}</ins>
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
