"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useEventSource, useLiveEvent } from "./live-events";

const DEBOUNCE_MS = 800;

/**
 * Re-renders the page's server data (counts, lists) when something changes in the user's
 * workspaces: a burst of changes causes one refresh. Client state and scroll position stay.
 */
export function LiveRefresh({ workspaceId }: { workspaceId?: string }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEventSource(`/api/v1/events${workspaceId ? `?workspace=${encodeURIComponent(workspaceId)}` : ""}`);
  useLiveEvent((e) => {
    if (e.type === "presence") return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => router.refresh(), DEBOUNCE_MS);
  });
  return null;
}
