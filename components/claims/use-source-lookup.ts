"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError } from "@/lib/api-client";
import type { ApiSourceLookup, ApiSourceSuggestion } from "@/lib/schemas/source-entry";

const LOOKUP_DELAY_MS = 300;
const SUGGEST_DELAY_MS = 150;

/** A complete http(s) address worth fetching (a host with a dot), or null. */
export function lookupTarget(value: string): string | null {
  const v = value.trim();
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && (u.hostname.includes(".") || /:\d+$/.test(u.host)) ? v : null;
  } catch {
    return null;
  }
}

export type LookupState = { kind: "idle" } | { kind: "busy"; url: string } | { kind: "done"; url: string; result: ApiSourceLookup };

/**
 * The URL field's helpers: the page's citation details looked up on the server once a full
 * address is typed or pasted (`settle` awaits one in flight, so Enter right after a paste still
 * gets the title), and the workspace's sources matching what is typed.
 */
export function useSourceLookup(url: string, claimId: string | null, onLookup: (r: ApiSourceLookup) => void) {
  const [lookup, setLookup] = useState<LookupState>({ kind: "idle" });
  const [suggestions, setSuggestions] = useState<ApiSourceSuggestion[]>([]);
  const inFlight = useRef<{ url: string; promise: Promise<ApiSourceLookup | null> } | null>(null);
  const onResult = useRef(onLookup);
  useEffect(() => {
    onResult.current = onLookup;
  }, [onLookup]);

  const start = useCallback((target: string) => {
    if (inFlight.current?.url === target) return inFlight.current.promise;
    setLookup({ kind: "busy", url: target });
    const promise = api<ApiSourceLookup>("POST", "/api/v1/sources/lookup", { url: target }).then(
      (result) => {
        if (inFlight.current?.url !== target) return null;
        setLookup({ kind: "done", url: target, result });
        onResult.current(result);
        return result;
      },
      (e: unknown) => {
        if (inFlight.current?.url !== target) return null;
        const note = e instanceof ApiError ? `Nothing filled in: ${e.message}` : "Nothing filled in: the page could not be looked up.";
        const result = { url: target, finalUrl: null, title: null, publisher: null, publishedOn: null, note };
        setLookup({ kind: "done", url: target, result });
        return result;
      },
    );
    inFlight.current = { url: target, promise };
    return promise;
  }, []);

  const target = lookupTarget(url);
  useEffect(() => {
    if (!target || inFlight.current?.url === target) return;
    const t = setTimeout(() => void start(target), LOOKUP_DELAY_MS);
    return () => clearTimeout(t);
  }, [target, start]);

  const term = url.trim();
  useEffect(() => {
    if (!claimId || term.length < 2) return;
    const controller = new AbortController();
    const t = setTimeout(() => {
      api<{ suggestions: ApiSourceSuggestion[] }>("GET", `/api/v1/claims/${encodeURIComponent(claimId)}/sources/suggestions?q=${encodeURIComponent(term)}`, undefined, controller.signal).then(
        (r) => setSuggestions(r.suggestions),
        () => setSuggestions([]),
      );
    }, SUGGEST_DELAY_MS);
    return () => {
      clearTimeout(t);
      controller.abort();
    };
  }, [claimId, term]);

  /** The lookup for the current address, waiting for one in flight (none for an incomplete address). */
  const settle = useCallback(async () => (target ? start(target) : null), [target, start]);

  return {
    lookup: lookup.kind !== "idle" && lookup.url === target ? lookup : ({ kind: "idle" } as const),
    suggestions: claimId && term.length >= 2 ? suggestions : [],
    settle,
  };
}
