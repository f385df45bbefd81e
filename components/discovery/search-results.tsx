"use client";

import { FileText, Link2, Quote } from "lucide-react";
import Link from "next/link";
import { StatusBadge, VerdictChip, type ClaimStatusValue } from "@/components/claims/claim-badges";
import type { ApiScaleVerdict } from "@/lib/schemas/claim";
import type { SearchQuery, SearchResults } from "@/lib/schemas/search";
import { Highlighted } from "./highlighted";
import { articleHref, claimHref, searchPageHref, sourceHref } from "./search-links";
import { useDates } from "@/components/ui/dates";


function Group({
  id,
  title,
  icon: Icon,
  total,
  more,
  query,
  kind,
  page,
  pageSize,
  children,
}: {
  id: string;
  title: string;
  icon: typeof Quote;
  total: number;
  /** More matched than were counted. */
  more: boolean;
  query: SearchQuery;
  kind: "claims" | "articles" | "sources";
  page: number;
  pageSize: number;
  children: React.ReactNode;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const count = `${total.toLocaleString("en-GB")}${more ? "+" : ""}`;
  const base = { q: query.q, status: query.status, verdict: query.verdict, claimant: query.claimant, from: query.from, to: query.to };
  return (
    <section aria-labelledby={id} className="mt-6">
      <h2 id={id} className="flex items-center gap-2 text-lg font-semibold">
        <Icon aria-hidden="true" className="size-5 text-muted-foreground" />
        {title} <span className="text-sm font-normal text-muted-foreground">({count})</span>
      </h2>
      {total === 0 ? <p className="mt-2 text-sm text-muted-foreground">No {title.toLowerCase()} match.</p> : <ol className="mt-2 divide-y divide-border rounded-lg border border-border">{children}</ol>}
      {query.kind === "all" && total > pageSize && (
        <Link className="mt-2 inline-block text-sm font-medium text-primary underline-offset-2 hover:underline" href={searchPageHref({ ...base, kind })}>
          All {count} {title.toLowerCase()} →
        </Link>
      )}
      {more && <p className="mt-2 text-xs text-muted-foreground">Only the newest {count.slice(0, -1)} matches are ranked: add words or filters to narrow the search.</p>}
      {query.kind !== "all" && pages > 1 && (
        <nav aria-label={`${title} pages`} className="mt-3 flex items-center gap-3 text-sm">
          {page > 1 ? <Link className="underline" href={searchPageHref({ ...base, kind, page: page - 1 })}>← Previous</Link> : <span className="text-muted-foreground">← Previous</span>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link className="underline" href={searchPageHref({ ...base, kind, page: page + 1 })}>Next →</Link> : <span className="text-muted-foreground">Next →</span>}
        </nav>
      )}
    </section>
  );
}

/** Search results grouped by kind, matched words marked. */
export function SearchResultsView({ results, query, verdicts }: { results: SearchResults; query: SearchQuery; verdicts: ApiScaleVerdict[] }) {
  const { date } = useDates();
  const verdictOf = (key: string | null) => (key ? verdicts.find((v) => v.key === key) : null);
  const nothing = [results.claims, results.articles, results.sources].every((g) => !g || g.total === 0);
  return (
    <div data-testid="search-results">
      {nothing && <p className="mt-6 text-sm text-muted-foreground">Nothing matches “{results.query}”. Try fewer or different words, or clear the filters.</p>}
      {results.claims && (
        <Group id="results-claims" title="Claims" icon={Quote} total={results.claims.total} more={results.claims.more} query={query} kind="claims" page={results.page} pageSize={results.pageSize}>
          {results.claims.items.map((c) => (
            <li key={c.id} className="p-3">
              <Link href={claimHref(c)} className="font-medium underline-offset-2 hover:underline">
                {c.statement}
              </Link>
              <p className="mt-1 text-sm text-muted-foreground">
                <Highlighted segments={c.snippet} />
              </p>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                <VerdictChip verdict={verdictOf(c.verdictKey)} />
                <StatusBadge status={c.status as ClaimStatusValue} />
                {c.claimant && <span>{c.claimant}</span>}
                <span>· {c.articleTitle}</span>
                <span>· {date(c.createdAt)}</span>
              </p>
            </li>
          ))}
        </Group>
      )}
      {results.articles && (
        <Group id="results-articles" title="Articles" icon={FileText} total={results.articles.total} more={results.articles.more} query={query} kind="articles" page={results.page} pageSize={results.pageSize}>
          {results.articles.items.map((a) => (
            <li key={a.id} className="p-3">
              <Link href={articleHref(a)} className="font-medium underline-offset-2 hover:underline">
                {a.title}
              </Link>
              <p className="mt-1 text-sm text-muted-foreground">
                <Highlighted segments={a.snippet} />
              </p>
              <p className="mt-1 text-xs text-muted-foreground">
                {a.status.charAt(0) + a.status.slice(1).toLowerCase()} · {date(a.createdAt)}
              </p>
            </li>
          ))}
        </Group>
      )}
      {results.sources && (
        <Group id="results-sources" title="Sources" icon={Link2} total={results.sources.total} more={results.sources.more} query={query} kind="sources" page={results.page} pageSize={results.pageSize}>
          {results.sources.items.map((s) => (
            <li key={s.id} className="p-3">
              <Link href={sourceHref(s)} className="font-medium underline-offset-2 hover:underline">
                {s.title || s.url}
              </Link>
              <p className="mt-1 text-sm text-muted-foreground">
                <Highlighted segments={s.snippet} />
              </p>
              <p className="mt-1 truncate text-xs text-muted-foreground">
                {s.publisher ? `${s.publisher} · ` : ""}
                {s.url} · for “{s.claimStatement}”
              </p>
            </li>
          ))}
        </Group>
      )}
    </div>
  );
}
