"use client";

import { RefreshCw } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/api-client";
import type { ApiClaim, ApiPerson } from "@/lib/schemas/claim";
import { useLiveEvent } from "./live-events";

/**
 * "Updated by <name> — review changes" above a claim the viewer has open when a colleague
 * saves it; reviewing fetches their version and hands it to the editor's conflict view.
 */
export function RemoteChangeNotice({
  claimId,
  baseVersion,
  me,
  members,
  onReview,
}: {
  claimId: string;
  baseVersion: number;
  me: string;
  members: ApiPerson[];
  onReview: (theirs: ApiClaim) => void;
}) {
  const [by, setBy] = useState<{ name: string; version: number } | null>(null);
  const [busy, setBusy] = useState(false);
  useLiveEvent((e) => {
    if (e.claimId !== claimId || e.type !== "claim.updated" || e.actorId === me) return;
    if ((e.version ?? 0) <= baseVersion) return;
    setBy({ name: members.find((m) => m.id === e.actorId)?.name ?? "a colleague", version: e.version ?? 0 });
  });
  if (!by || by.version <= baseVersion) return null;
  const review = async () => {
    setBusy(true);
    try {
      onReview(await api<ApiClaim>("GET", `/api/v1/claims/${claimId}`));
      setBy(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div role="status" className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="remote-change">
      <RefreshCw className="size-4" aria-hidden="true" />
      <span>Updated by {by.name}</span>
      <Button size="sm" variant="outline" className="ml-auto h-7 px-2 text-xs" onClick={review} disabled={busy}>
        Review changes
      </Button>
    </div>
  );
}
