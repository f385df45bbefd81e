"use client";

import { History, Link2, Loader2, Unlink } from "lucide-react";
import * as React from "react";
import { toast } from "sonner";
import { StatusBadge, type ClaimStatusValue } from "@/components/claims/claim-badges";
import { api, ApiError } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import type { ApiClaim, ApiScaleVerdict } from "@/lib/schemas/claim";
import type { ApiLinkedClaim, ApiSimilarClaim } from "@/lib/schemas/claim-link";
import { EarlierClaimRow } from "./earlier-claim-row";

/**
 * "Checked before?" for the selected claim: earlier claims of the workspace like it (editors), one
 * click to link, one more to copy the earlier check in as a draft; and the claims already linked.
 */
export function CheckedBefore({
  claim,
  articleId,
  verdicts,
  canEdit,
  onCopied,
}: {
  claim: ApiClaim;
  articleId: string;
  verdicts: ApiScaleVerdict[];
  canEdit: boolean;
  /** The claim after an earlier check was copied into it. */
  onCopied: (claim: ApiClaim) => void;
}) {
  const [links, setLinks] = React.useState<ApiLinkedClaim[] | null>(null);
  const [similar, setSimilar] = React.useState<ApiSimilarClaim[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState<string | null>(null);
  const text = claim.exact || claim.statement;

  React.useEffect(() => {
    let cancelled = false;
    const fail = (e: unknown) => !cancelled && setError(e instanceof ApiError ? e.message : "Could not look for earlier checks.");
    api<{ items: ApiLinkedClaim[] }>("GET", `/api/v1/claims/${encodeURIComponent(claim.id)}/links`).then((r) => !cancelled && setLinks(r.items), fail);
    if (canEdit) {
      const q = new URLSearchParams({ text: text.slice(0, 1000), limit: "5" });
      api<{ items: ApiSimilarClaim[] }>("GET", `/api/v1/articles/${encodeURIComponent(articleId)}/similar-claims?${q}`).then((r) => !cancelled && setSimilar(r.items), fail);
    }
    return () => {
      cancelled = true;
    };
  }, [claim.id, articleId, text, canEdit]);

  const link = async (other: ApiSimilarClaim, copy: boolean) => {
    setBusy(`${other.id}:${copy}`);
    try {
      const r = await api<{ claim: ApiClaim; links: ApiLinkedClaim[] }>("POST", `/api/v1/claims/${encodeURIComponent(claim.id)}/links`, { toClaimId: other.id, copy });
      setLinks(r.links);
      if (copy) {
        onCopied(r.claim);
        toast.success("Copied the earlier verdict, rationale and sources", { description: "Still a draft: review it before approval." });
      } else toast.success("Linked to the earlier claim");
    } catch (e) {
      toast.error(e instanceof ApiError ? e.message : "Could not link the claims.");
    } finally {
      setBusy(null);
    }
  };

  const unlink = async (other: ApiLinkedClaim) => {
    setBusy(`unlink:${other.id}`);
    try {
      const r = await api<{ items: ApiLinkedClaim[] }>("DELETE", `/api/v1/claims/${encodeURIComponent(claim.id)}/links/${encodeURIComponent(other.id)}`);
      setLinks(r.items);
    } catch (e) {
      toast.error(e instanceof ApiError ? e.message : "Could not remove the link.");
    } finally {
      setBusy(null);
    }
  };

  const linkedIds = new Set((links ?? []).map((l) => l.id));
  const offers = (similar ?? []).filter((s) => !linkedIds.has(s.id));
  const copyable = claim.status === "DRAFT" || claim.status === "IN_REVIEW";

  return (
    <section aria-labelledby="checked-before-title" className="border-t border-border p-4" data-testid="checked-before">
      <h3 id="checked-before-title" className="flex items-center gap-2 text-sm font-semibold">
        <History aria-hidden="true" className="size-4 text-muted-foreground" /> Checked before?
      </h3>
      {error && <p className="mt-2 text-xs text-destructive">{error}</p>}
      {links && links.length > 0 && (
        <ul className="mt-2 space-y-2" aria-label="Linked claims">
          {links.map((l) => (
            <EarlierClaimRow
              key={l.id}
              claim={l}
              verdicts={verdicts}
              className="bg-muted/40"
              caption={l.direction === "earlier" ? "We checked this before:" : "Checked again in:"}
              end={
                canEdit && (
                  <Button variant="ghost" size="sm" className="ml-auto h-7 px-2 text-xs" onClick={() => unlink(l)} disabled={busy !== null} aria-label={`Remove link to “${l.statement}”`}>
                    <Unlink aria-hidden="true" /> Unlink
                  </Button>
                )
              }
            />
          ))}
        </ul>
      )}
      {canEdit &&
        (similar === null && !error ? (
          <p className="mt-2 flex items-center gap-2 text-xs text-muted-foreground">
            <Loader2 aria-hidden="true" className="size-3 animate-spin" /> Looking for earlier checks…
          </p>
        ) : offers.length === 0 ? (
          <p className="mt-2 text-xs text-muted-foreground">{links?.length ? "No other similar claims." : "No similar claims in other articles of this workspace."}</p>
        ) : (
          <ol className="mt-2 space-y-2" aria-label="Similar earlier claims">
            {offers.map((s) => (
              <EarlierClaimRow key={s.id} claim={s} verdicts={verdicts} badges={<StatusBadge status={s.status as ClaimStatusValue} />} meta={`${Math.round(s.score * 100)}% alike`}>
                <div className="mt-2 flex flex-wrap gap-1.5">
                  <Button size="sm" variant="outline" className="h-7 px-2 text-xs" onClick={() => link(s, false)} disabled={busy !== null} aria-label={`Link to “${s.statement}”`}>
                    <Link2 aria-hidden="true" /> Link
                  </Button>
                  <Button
                    size="sm"
                    variant="outline"
                    className="h-7 px-2 text-xs"
                    onClick={() => link(s, true)}
                    disabled={busy !== null || !copyable}
                    title={copyable ? "Link, and copy its verdict, rationale and sources into this claim as a draft" : "Only a draft or a claim in review can take an earlier check"}
                    aria-label={`Link and copy the check of “${s.statement}”`}
                  >
                    Link and copy its check
                  </Button>
                </div>
              </EarlierClaimRow>
            ))}
          </ol>
        ))}
    </section>
  );
}
