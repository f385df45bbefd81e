"use client";

import { useCallback, useState } from "react";
import { api } from "@/lib/api-client";

// Claimant suggestions of a workspace, fetched once per page when a claimant field is first
// focused (not with every page view), and shared by every claim opened afterwards.
const cache = new Map<string, Promise<string[]>>();

export function useClaimantSuggestions(workspaceId: string): { suggestions: string[]; load: () => void } {
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const load = useCallback(() => {
    let pending = cache.get(workspaceId);
    if (!pending) {
      pending = api<{ items: string[] }>("GET", `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/claimants`).then(
        (r) => r.items,
        () => {
          cache.delete(workspaceId); // try again on the next focus
          return [];
        },
      );
      cache.set(workspaceId, pending);
    }
    void pending.then(setSuggestions);
  }, [workspaceId]);
  return { suggestions, load };
}
