import type { Metadata } from "next";
import Link from "next/link";
import { SearchFilters } from "@/components/discovery/search-filters";
import { SearchResultsView } from "@/components/discovery/search-results";
import { Alert } from "@/components/ui/alert";
import { getCurrentWorkspace } from "@/lib/auth/current-workspace";
import { requireSessionActor } from "@/lib/auth/session";
import { canEdit } from "@/lib/schemas/enums";
import { searchQuerySchema } from "@/lib/schemas/search";
import { getScale } from "@/lib/server/scale/get-scale";
import { searchWorkspace } from "@/lib/server/search/search-workspace";

export const metadata: Metadata = { title: "Search" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const actor = await requireSessionActor("/search");
  const workspace = await getCurrentWorkspace();
  if (!workspace) {
    return (
      <main className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
        <Alert variant="warning">You are not a member of any workspace yet. Ask an admin to add you.</Alert>
      </main>
    );
  }
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const fields = ["q", "kind", "status", "verdict", "claimant", "from", "to", "page"] as const;
  const parsed = searchQuerySchema.safeParse(Object.fromEntries(fields.map((f) => [f, first(raw[f])]).filter(([, v]) => v !== undefined)));
  const query = parsed.success ? parsed.data : searchQuerySchema.parse({});
  const problem = parsed.success ? null : parsed.error.issues[0]?.message ?? "Some filters were not understood.";
  const [results, scale] = await Promise.all([
    searchWorkspace({ actor, workspaceId: workspace.id, input: { ...query, pageSize: query.kind === "all" ? 5 : 20 } }),
    getScale({ actor, workspaceId: workspace.id }),
  ]);

  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
      <div className="mb-4">
        <h1 className="text-2xl font-semibold tracking-tight">Search</h1>
        <p className="text-sm text-muted-foreground">
          {workspace.name} · articles, claims and sources
          {!canEdit(workspace.role) && " · readers find published material only"}
        </p>
      </div>
      <SearchFilters query={query} verdicts={scale.verdicts.map((v) => ({ key: v.key, label: v.label }))} />
      {problem && (
        <Alert variant="warning" className="mt-4">
          {problem}
        </Alert>
      )}
      {results.note && (
        <Alert className="mt-4">
          {results.note}
        </Alert>
      )}
      {query.q.trim() ? (
        <SearchResultsView results={results} query={query} verdicts={scale.verdicts} />
      ) : (
        <p className="mt-8 text-sm text-muted-foreground">
          Type words from a claim, an article or a source above. Or browse the <Link className="underline" href="/articles">articles</Link>.
        </p>
      )}
    </main>
  );
}
