import type { Metadata } from "next";
import { FilePlus2, Search } from "lucide-react";
import Link from "next/link";
import { ArticleStatusBadge } from "@/components/articles/status-badge";
import { DeleteArticleButton } from "@/components/articles/delete-article-button";
import { ExportMenu } from "@/components/export/export-menu";
import { WorkspaceExportDialog } from "@/components/export/workspace-export-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireSessionActor } from "@/lib/auth/session";
import { listArticlesQuerySchema, type ArticleSort } from "@/lib/schemas/article";
import { ARTICLE_STATUSES, canEdit } from "@/lib/schemas/enums";
import { listArticles } from "@/lib/server/articles/list-articles";
import { getCurrentWorkspace } from "@/lib/auth/current-workspace";
import { LiveRefresh } from "@/components/live/live-refresh";
import { formatDate } from "@/lib/format/format-date";

export const metadata: Metadata = { title: "Articles" };

const PAGE_SIZE = 20;
const SORTS: Array<{ value: ArticleSort; label: string }> = [
  { value: "newest", label: "Newest first" },
  { value: "oldest", label: "Oldest first" },
  { value: "updated", label: "Recently updated" },
  { value: "published", label: "Publication date" },
  { value: "title", label: "Title A–Z" },
];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };


export default async function ArticlesPage({ searchParams }: Props) {
  const actor = await requireSessionActor("/articles");
  const workspace = await getCurrentWorkspace();
  if (!workspace) {
    return (
      <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
        <Alert variant="warning">You are not a member of any workspace yet. Ask an admin to add you.</Alert>
      </main>
    );
  }
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const parsed = listArticlesQuerySchema.safeParse({ q: first(raw.q), status: first(raw.status), sort: first(raw.sort), page: first(raw.page) });
  const query = parsed.success ? parsed.data : {};
  const page = query.page ?? 1;
  const list = await listArticles({ actor, workspaceId: workspace.id, q: query.q, status: query.status, sort: query.sort, page, pageSize: PAGE_SIZE });
  const editor = canEdit(workspace.role);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const hrefFor = (p: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (query.status) params.set("status", query.status);
    if (query.sort) params.set("sort", query.sort);
    if (p > 1) params.set("page", String(p));
    const s = params.toString();
    return s ? `/articles?${s}` : "/articles";
  };
  const filtered = Boolean(query.q || query.status);

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <LiveRefresh workspaceId={workspace.id} />
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Articles</h1>
          <p className="text-sm text-muted-foreground">
            {workspace.name} · {list.total} article{list.total === 1 ? "" : "s"}
            {filtered ? (list.total === 1 ? " matches" : " match") : ""}
            {!editor && " · readers see published articles"}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2 sm:ml-auto print:hidden">
          <WorkspaceExportDialog workspace={workspace.slug} canExportInternal={editor} />
          {editor && (
            <Button asChild>
              <Link href="/articles/new">
                <FilePlus2 aria-hidden="true" />
                New article
              </Link>
            </Button>
          )}
        </div>
      </div>

      <form method="get" action="/articles" role="search" aria-label="Search articles" className="mb-4 grid gap-3 sm:grid-cols-[1fr_10rem_12rem_auto] sm:items-end print:hidden">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="q">Search</Label>
          <div className="relative">
            <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
            <Input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Title, byline or text" className="pl-8" />
          </div>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="status">Status</Label>
          <NativeSelect id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">All statuses</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.charAt(0) + s.slice(1).toLowerCase()}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="sort">Sort</Label>
          <NativeSelect id="sort" name="sort" defaultValue={query.sort ?? "newest"}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">Apply</Button>
          {filtered && (
            <Button asChild variant="ghost">
              <Link href="/articles">Clear</Link>
            </Button>
          )}
        </div>
      </form>

      {list.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-border px-6 py-12 text-center">
          <p className="font-medium">{filtered ? "No article matches." : "No articles yet."}</p>
          <p className="mt-1 text-sm text-muted-foreground">
            {filtered ? "Try other words or another status." : editor ? "Paste, upload or fetch a story to start checking it." : "Published fact-checks will appear here."}
          </p>
          {editor && !filtered && (
            <Button asChild className="mt-4">
              <Link href="/articles/new">New article</Link>
            </Button>
          )}
        </div>
      ) : (
        <div className="rounded-lg border border-border bg-background">
          <Table aria-label="Articles">
            <TableHeader>
              <TableRow>
                <TableHead>Title</TableHead>
                <TableHead className="hidden md:table-cell">Byline</TableHead>
                <TableHead className="hidden sm:table-cell">Date</TableHead>
                <TableHead className="hidden sm:table-cell">Status</TableHead>
                <TableHead className="hidden text-right sm:table-cell">Claims</TableHead>
                <TableHead className={editor ? "w-24" : "w-12"}><span className="sr-only">Actions</span></TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((a) => (
                <TableRow key={a.id} data-testid="article-row">
                  <TableCell className="max-w-md">
                    <Link href={`/articles/${a.id}`} className="font-medium text-foreground hover:underline focus-visible:underline">
                      {a.title}
                    </Link>
                    {a.siteName && <div className="text-xs text-muted-foreground">{a.siteName}</div>}
                    {/* On a phone the status and claim count sit under the title, leaving it room. */}
                    <div className="mt-1.5 flex items-center gap-2 text-xs text-muted-foreground sm:hidden">
                      <ArticleStatusBadge status={a.status} />
                      <span>{a.claimCount} claim{a.claimCount === 1 ? "" : "s"}</span>
                    </div>
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground md:table-cell">{a.byline ?? "—"}</TableCell>
                  <TableCell className="hidden whitespace-nowrap text-muted-foreground sm:table-cell">
                    {/* The story's own date when known, else the day it was added: the cell says which. */}
                    <span className="block text-xs">{a.publishedAt ? "Story date" : "Added"}</span>
                    <time dateTime={a.publishedAt ?? a.createdAt}>{formatDate(a.publishedAt ?? a.createdAt, workspace.locale)}</time>
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">
                    <ArticleStatusBadge status={a.status} />
                  </TableCell>
                  <TableCell className="hidden text-right tabular-nums sm:table-cell">{a.claimCount}</TableCell>
                  <TableCell className="px-2 text-right">
                    <div className="flex items-center justify-end gap-0.5 print:hidden">
                      <ExportMenu articleId={a.id} slug={a.slug} canExportInternal={editor} compact label={`Export “${a.title}”`} />
                      {editor && <DeleteArticleButton articleId={a.id} title={a.title} claimCount={a.claimCount} />}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      {pages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
          <span className="text-muted-foreground">
            Page {page} of {pages}
          </span>
          <div className="flex gap-2">
            {page > 1 ? (
              <Button asChild variant="outline" size="sm">
                <Link href={hrefFor(page - 1)} rel="prev">Previous</Link>
              </Button>
            ) : null}
            {page < pages ? (
              <Button asChild variant="outline" size="sm">
                <Link href={hrefFor(page + 1)} rel="next">Next</Link>
              </Button>
            ) : null}
          </div>
        </nav>
      )}
    </main>
  );
}
