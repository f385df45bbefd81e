"use client";

import { useSyncExternalStore } from "react";

export interface PresentTab {
  userId: string;
  name: string;
  claimId: string | null;
  client: string;
}

// Who else is on this article, shared by the presence bar and the claim editor's notice.
let present: PresentTab[] = [];
const listeners = new Set<() => void>();

export function setPresent(next: PresentTab[]) {
  present = next;
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

const EMPTY: PresentTab[] = [];

/** Other people's tabs on this article (never the viewer's own). */
export function usePresent(): PresentTab[] {
  return useSyncExternalStore(subscribe, () => present, () => EMPTY);
}

/** One entry per person, with the claim they edit (any of their tabs). */
export function peopleOf(tabs: PresentTab[]): { userId: string; name: string; claimId: string | null }[] {
  const byUser = new Map<string, { userId: string; name: string; claimId: string | null }>();
  for (const t of tabs) {
    const p = byUser.get(t.userId) ?? { userId: t.userId, name: t.name, claimId: null };
    p.claimId = p.claimId ?? t.claimId;
    byUser.set(t.userId, p);
  }
  return [...byUser.values()];
}
