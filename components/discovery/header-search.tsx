"use client";

import { FileText, Link2, Loader2, Quote, Search } from "lucide-react";
import { useRouter } from "next/navigation";
import * as React from "react";
import { api, ApiError } from "@/lib/api-client";
import type { SearchResults } from "@/lib/schemas/search";
import { cn } from "@/lib/utils";
import { Highlighted } from "./highlighted";
import { articleHref, claimHref, searchPageHref, sourceHref } from "./search-links";

const DEBOUNCE_MS = 180;
const PER_GROUP = 4;

type Option = { id: string; href: string; kind: "Claims" | "Articles" | "Sources"; title: string; result: React.ReactNode };

function optionsOf(r: SearchResults): Option[] {
  return [
    ...(r.claims?.items ?? []).map<Option>((c) => ({
      id: `c-${c.id}`,
      href: claimHref(c),
      kind: "Claims",
      title: c.statement,
      result: <Highlighted segments={c.snippet} fallback={c.statement} />,
    })),
    ...(r.articles?.items ?? []).map<Option>((a) => ({ id: `a-${a.id}`, href: articleHref(a), kind: "Articles", title: a.title, result: <Highlighted segments={a.snippet} /> })),
    ...(r.sources?.items ?? []).map<Option>((s) => ({
      id: `s-${s.id}`,
      href: sourceHref(s),
      kind: "Sources",
      title: s.title || s.url,
      result: <Highlighted segments={s.snippet} fallback={s.url} />,
    })),
  ];
}

const ICONS = { Claims: Quote, Articles: FileText, Sources: Link2 } as const;

/** The header's search box: top results while typing (arrow keys, Enter, Escape); Enter with none chosen opens /search. */
export function HeaderSearch({ workspace }: { workspace: string }) {
  const router = useRouter();
  const [q, setQ] = React.useState("");
  const [results, setResults] = React.useState<SearchResults | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [open, setOpen] = React.useState(false);
  const [active, setActive] = React.useState(-1);
  const listId = React.useId();
  const boxRef = React.useRef<HTMLDivElement>(null);

  React.useEffect(() => {
    const term = q.trim();
    if (!term) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      setLoading(true);
      api<SearchResults>("GET", `/api/v1/search?${new URLSearchParams({ q: term, workspace, pageSize: String(PER_GROUP) })}`).then(
        (r) => {
          if (cancelled) return;
          setResults(r);
          setError(null);
          setActive(-1);
          setLoading(false);
        },
        (e: unknown) => {
          if (cancelled) return;
          setError(e instanceof ApiError ? e.message : "Search failed. Try again.");
          setLoading(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [q, workspace]);

  const options = React.useMemo(() => (results && q.trim() ? optionsOf(results) : []), [results, q]);
  const showList = open && q.trim().length > 0;
  const allHref = searchPageHref({ q: q.trim() });

  const go = (href: string) => {
    setOpen(false);
    router.push(href);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(options.length, i + 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(-1, i - 1));
    } else if (e.key === "Escape") {
      setOpen(false);
      setActive(-1);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (!q.trim()) return;
      go(active >= 0 && active < options.length ? options[active]!.href : allHref);
    }
  };

  return (
    <div
      ref={boxRef}
      className="relative w-full sm:w-64 lg:w-80"
      onBlur={(e) => {
        if (!boxRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <Search aria-hidden="true" className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
      <input
        type="search"
        role="combobox"
        aria-label="Search articles, claims and sources"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder="Search…"
        value={q}
        maxLength={1000}
        onChange={(e) => {
          setQ(e.target.value);
          setActive(-1); // Enter after typing searches what was typed, not an older result
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        className="h-9 w-full rounded-md border border-input bg-background pl-8 pr-8 text-sm shadow-sm placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      />
      {loading && <Loader2 aria-hidden="true" className="absolute right-2.5 top-1/2 size-4 -translate-y-1/2 animate-spin text-muted-foreground" />}
      {showList && (
        <div className="absolute left-0 right-0 top-full z-50 mt-1 max-h-[70vh] overflow-y-auto rounded-md border border-border bg-popover p-1 text-popover-foreground shadow-lg sm:left-auto sm:w-[28rem]">
          <ul id={listId} role="listbox" aria-label="Search results">
            {options.map((o, i) => {
              const Icon = ICONS[o.kind];
              const heading = i === 0 || options[i - 1]!.kind !== o.kind ? o.kind : null;
              return (
                <React.Fragment key={o.id}>
                  {heading && (
                    <li role="presentation" className="px-2 pb-0.5 pt-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">
                      {heading}
                    </li>
                  )}
                  <li
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    className={cn("cursor-pointer rounded px-2 py-1.5 text-sm", i === active ? "bg-accent text-accent-foreground" : "hover:bg-muted")}
                    onMouseEnter={() => setActive(i)}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => go(o.href)}
                  >
                    <span className="flex items-start gap-2">
                      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
                      <span className="min-w-0">
                        <span className="block truncate font-medium">{o.title}</span>
                        <span className="line-clamp-2 text-xs text-muted-foreground">{o.result}</span>
                      </span>
                    </span>
                  </li>
                </React.Fragment>
              );
            })}
            <li
              id={`${listId}-${options.length}`}
              role="option"
              aria-selected={active === options.length}
              className={cn("cursor-pointer rounded px-2 py-1.5 text-sm font-medium text-primary", active === options.length ? "bg-accent" : "hover:bg-muted")}
              onMouseEnter={() => setActive(options.length)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(allHref)}
            >
              {error ?? (results && !loading && options.length === 0 ? "No matches yet. Open the search page" : "All results and filters")} →
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
