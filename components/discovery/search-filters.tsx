import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { SearchQuery } from "@/lib/schemas/search";

const STATUSES = [
  ["DRAFT", "Draft"],
  ["IN_REVIEW", "In review (claims)"],
  ["APPROVED", "Approved (claims)"],
  ["PUBLISHED", "Published"],
  ["WITHDRAWN", "Withdrawn (articles)"],
] as const;

/** The search page's form: a plain GET form, so every search is a shareable address. */
export function SearchFilters({ query, verdicts }: { query: SearchQuery; verdicts: Array<{ key: string; label: string }> }) {
  return (
    <form action="/search" method="get" className="grid gap-3 rounded-lg border border-border p-3 sm:grid-cols-6" aria-label="Search and filters">
      <div className="sm:col-span-6">
        <Label htmlFor="search-q">Search for</Label>
        <div className="mt-1 flex gap-2">
          <Input id="search-q" name="q" type="search" defaultValue={query.q} maxLength={1000} placeholder="e.g. Crimea 2014" />
          <Button type="submit">
            <Search aria-hidden="true" />
            Search
          </Button>
        </div>
      </div>
      <div className="sm:col-span-2">
        <Label htmlFor="search-kind">Show</Label>
        <NativeSelect id="search-kind" name="kind" defaultValue={query.kind} className="mt-1">
          <option value="all">Everything</option>
          <option value="claims">Claims</option>
          <option value="articles">Articles</option>
          <option value="sources">Sources</option>
        </NativeSelect>
      </div>
      <div className="sm:col-span-2">
        <Label htmlFor="search-status">Status</Label>
        <NativeSelect id="search-status" name="status" defaultValue={query.status ?? ""} className="mt-1">
          <option value="">Any status</option>
          {STATUSES.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="sm:col-span-2">
        <Label htmlFor="search-verdict">Verdict</Label>
        <NativeSelect id="search-verdict" name="verdict" defaultValue={query.verdict ?? ""} className="mt-1">
          <option value="">Any verdict</option>
          {verdicts.map((v) => (
            <option key={v.key} value={v.key}>
              {v.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="sm:col-span-2">
        <Label htmlFor="search-claimant">Claimant</Label>
        <Input id="search-claimant" name="claimant" defaultValue={query.claimant ?? ""} maxLength={300} className="mt-1" placeholder="Exact name" />
      </div>
      <div className="sm:col-span-2">
        <Label htmlFor="search-from">Created from</Label>
        <Input id="search-from" name="from" type="date" defaultValue={query.from ?? ""} className="mt-1" />
      </div>
      <div className="sm:col-span-2">
        <Label htmlFor="search-to">Created until</Label>
        <Input id="search-to" name="to" type="date" defaultValue={query.to ?? ""} className="mt-1" />
      </div>
    </form>
  );
}
