"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { api } from "@/lib/api-client";
import type { ApiClaim } from "@/lib/schemas/claim";
import { RELOAD, useEventSource, useLiveEvent, type LiveEvent } from "./live-events";
import { setPresent, type PresentTab } from "./presence-store";

const PRESENCE_REFRESH_MS = 10_000;

function newClientId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function loadAllClaims(articleId: string): Promise<ApiClaim[]> {
  const all: ApiClaim[] = [];
  let after: string | null = null;
  do {
    const qs: string = after ? `&after=${encodeURIComponent(after)}` : "";
    const page: { claims: ApiClaim[]; nextCursor: string | null } = await api("GET", `/api/v1/articles/${articleId}/claims?limit=500${qs}`);
    all.push(...page.claims);
    after = page.nextCursor;
  } while (after);
  return all;
}

/**
 * Keeps the article page live: colleagues' claim changes are fetched and merged (the viewer's
 * scroll position and selection stay), article-level changes reload the page data, and this
 * tab's presence (and the claim it has open) is reported while others' is collected.
 */
export function useLiveArticle({
  articleId,
  after,
  canEdit,
  me,
  selectedId,
  claims,
  upsert,
  removeClaim,
  replaceClaims,
}: {
  articleId: string;
  /** The newest event id when the page was rendered; the stream replays anything after it. */
  after: number;
  canEdit: boolean;
  me: string;
  selectedId: string | null;
  /** The claims the page holds (their version tells which changes it has already). */
  claims: ReadonlyArray<{ id: string; version: number }>;
  upsert: (c: ApiClaim) => void;
  removeClaim: (id: string) => void;
  replaceClaims: (list: ApiClaim[]) => void;
}) {
  const router = useRouter();
  const [clientId] = useState(newClientId);
  const versions = useRef(new Map<string, number>());
  useEffect(() => {
    versions.current = new Map(claims.map((c) => [c.id, c.version]));
  }, [claims]);

  useEventSource(`/api/v1/articles/${articleId}/events?after=${after}${canEdit ? `&client=${clientId}` : ""}`);

  // One fetch per claim at a time; a change arriving meanwhile fetches once more after it.
  const inflight = useRef(new Map<string, boolean>());
  const refetch = async (claimId: string): Promise<void> => {
    if (inflight.current.has(claimId)) return void inflight.current.set(claimId, true);
    inflight.current.set(claimId, false);
    try {
      upsert(await api<ApiClaim>("GET", `/api/v1/claims/${claimId}`));
    } catch {
      // Gone or no longer visible: the delete event (or the next reload) takes it out.
    } finally {
      const again = inflight.current.get(claimId);
      inflight.current.delete(claimId);
      if (again) void refetch(claimId);
    }
  };

  const presenceTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const loadPresence = useCallback(() => {
    if (presenceTimer.current) clearTimeout(presenceTimer.current);
    presenceTimer.current = setTimeout(() => {
      api<{ present: PresentTab[] }>("GET", `/api/v1/articles/${articleId}/presence`)
        .then((r) => setPresent(r.present.filter((t) => t.client !== clientId)))
        .catch(() => undefined);
    }, 100);
  }, [articleId, clientId]);

  useLiveEvent((e: LiveEvent) => {
    if (e.type === RELOAD) {
      void loadAllClaims(articleId).then(replaceClaims, () => undefined);
      loadPresence();
      return;
    }
    if (e.articleId !== articleId) return;
    if (e.type === "presence") return loadPresence();
    if (e.type === "claim.deleted" && e.claimId) {
      if (!versions.current.has(e.claimId)) return;
      removeClaim(e.claimId);
      if (e.actorId !== me) toast("A colleague moved a claim to the trash.");
      return;
    }
    if ((e.type === "claim.created" || e.type === "claim.updated" || e.type === "claim.restored") && e.claimId) {
      const known = versions.current.get(e.claimId);
      if (known !== undefined && e.version !== undefined && known >= e.version) return;
      return void refetch(e.claimId);
    }
    // The open-thread count on the list item.
    if (e.type.startsWith("comment.") && e.claimId) return void refetch(e.claimId);
    if (e.type === "article.published" || e.type === "article.withdrawn") {
      void loadAllClaims(articleId).then(replaceClaims, () => undefined);
      router.refresh();
      return;
    }
    if (e.type === "article.revised" || e.type === "article.deleted") router.refresh();
  });

  // Presence: the stream keeps this tab present; the open claim is reported as it changes.
  const reported = useRef<string | null>(null);
  useEffect(() => {
    // The stream itself reports the tab with no claim open.
    if (!canEdit || reported.current === selectedId) return;
    reported.current = selectedId;
    api("POST", `/api/v1/articles/${articleId}/presence`, { client: clientId, claimId: selectedId }).catch(() => undefined);
  }, [articleId, canEdit, clientId, selectedId]);
  useEffect(() => {
    loadPresence();
    const timer = setInterval(loadPresence, PRESENCE_REFRESH_MS);
    return () => {
      clearInterval(timer);
      setPresent([]);
    };
  }, [loadPresence]);
}
