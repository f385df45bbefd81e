"use client";

import { useEffect, useRef } from "react";

/** One message of an event stream (see GET /api/v1/articles/:id/events in the OpenAPI document). */
export interface LiveEvent {
  id: number;
  type: string;
  workspaceId: string;
  articleId: string | null;
  claimId: string | null;
  actorId: string | null;
  version?: number;
  status?: string;
  commentId?: string;
  claimIdEdited?: string | null;
  left?: boolean;
  at: string;
}

/** A synthetic event: the stream said the client may have missed changes; reload what is shown. */
export const RELOAD = "reload";

// The page's one stream fans out to any component that cares (panel, editor, comments) through
// a window event, so no component has to be threaded through another's props.
const EVENT_NAME = "factmark:live";

export function emitLive(e: LiveEvent | { type: typeof RELOAD }) {
  window.dispatchEvent(new CustomEvent(EVENT_NAME, { detail: e }));
}

/** Calls `handler` for every live event on this page (the latest handler; no re-subscription). */
export function useLiveEvent(handler: (e: LiveEvent) => void) {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    const on = (ev: Event) => ref.current((ev as CustomEvent<LiveEvent>).detail);
    window.addEventListener(EVENT_NAME, on);
    return () => window.removeEventListener(EVENT_NAME, on);
  }, []);
}

/**
 * Keeps an EventSource open on `url` (null: none) and emits its events. EventSource reconnects
 * by itself with Last-Event-ID; `end` (access gone) closes it for good; events seen twice
 * (a replay overlapping live delivery) are dropped.
 */
export function useEventSource(url: string | null) {
  useEffect(() => {
    if (!url || typeof EventSource === "undefined") return;
    const seen = new Set<number>();
    const source = new EventSource(url);
    source.onmessage = (m) => {
      const e = JSON.parse(m.data) as LiveEvent;
      if (seen.has(e.id)) return;
      seen.add(e.id);
      if (seen.size > 2000) seen.delete(seen.values().next().value as number);
      emitLive(e);
    };
    source.addEventListener("reload", () => emitLive({ type: RELOAD }));
    source.addEventListener("end", () => source.close());
    return () => source.close();
  }, [url]);
}
