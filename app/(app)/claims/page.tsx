import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/claims/claim-badges";
import { ReviewReason } from "@/components/workflow/review-reason";
import { BULK_CHECKBOX_NAME, QueueBulkActions } from "@/components/workflow/queue-bulk-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { getCurrentWorkspace } from "@/lib/auth/current-workspace";
import { requireSessionActor } from "@/lib/auth/session";
import { canEdit, CLAIM_STATUSES } from "@/lib/schemas/enums";
import { reviewQueueQuerySchema } from "@/lib/schemas/review-queue";
import { countReviewQueue, listQueuePeople, listReviewQueue } from "@/lib/server/claims/list-review-queue";
import { getScale } from "@/lib/server/scale/get-scale";
import { CLAIM_STATUS_LABEL } from "@/lib/workflow/claim-workflow";
import { LiveRefresh } from "@/components/live/live-refresh";
import { formatDate } from "@/lib/format/format-date";

export const metadata: Metadata = { title: "Claims" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTER_KEYS = ["status", "verdict", "assignee", "waiting", "author", "article", "from", "to", "sort"] as const;

/** How long ago, in words ("5 h", "3 days"); the queue is rendered per request. */
function age(iso: string): string {
  const hours = Math.floor((Date.now() - Date.parse(iso)) / 3_600_000);
  if (hours < 1) return "under an hour";
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

export default async function ClaimsPage({ searchParams }: Props) {
  const actor = await requireSessionActor("/claims");
  const workspace = await getCurrentWorkspace();
  if (!workspace || !canEdit(workspace.role)) {
    return (
      <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
        <Alert variant="warning">The review queue is for editors and admins of a workspace.</Alert>
      </main>
    );
  }
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const input = Object.fromEntries([...FILTER_KEYS, "cursor"].map((k) => [k, first(raw[k])]).filter(([, v]) => v !== undefined));
  const parsed = reviewQueueQuerySchema.safeParse(input);
  const query = parsed.success ? parsed.data : {};
  const [page, counts, people, scale] = await Promise.all([
    listReviewQueue({ actor, workspaceId: workspace.id, query: { ...query, limit: 50 } }),
    countReviewQueue({ actor, workspaceId: workspace.id }),
    listQueuePeople({ actor, workspaceId: workspace.id }),
    getScale({ actor, workspaceId: workspace.id }),
  ]);
  const hrefWith = (extra: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const k of FILTER_KEYS) if (query[k]) params.set(k, String(query[k]));
    for (const [k, v] of Object.entries(extra)) {
      if (v) params.set(k, v);
      else params.delete(k);
    }
    const s = params.toString();
    return s ? `/claims?${s}` : "/claims";
  };
  const filtered = FILTER_KEYS.some((k) => k !== "sort" && query[k]);
  const verdictLabel = new Map(scale.verdicts.map((v) => [v.key, v.label]));

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <LiveRefresh workspaceId={workspace.id} />
      <div className="mb-4">
        <h1 className="text-2xl font-semibold tracking-tight">Claims</h1>
        <p className="text-sm text-muted-foreground">{workspace.name} · every claim across the workspace&apos;s articles</p>
      </div>

      <nav aria-label="Quick filters" className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link className="rounded-full border border-border px-3 py-1 hover:bg-muted" href="/claims?waiting=mine" data-testid="waiting-for-me">
          Waiting for my review <strong>{counts.waitingForMe}</strong>
        </Link>
        <Link className="rounded-full border border-border px-3 py-1 hover:bg-muted" href="/claims?assignee=me">
          Assigned to me
        </Link>
        {CLAIM_STATUSES.map((s) => (
          <Link key={s} className="rounded-full border border-border px-3 py-1 hover:bg-muted" href={`/claims?status=${s}`}>
            {CLAIM_STATUS_LABEL[s]} <strong>{counts.byStatus[s]}</strong>
          </Link>
        ))}
      </nav>

      <form method="get" action="/claims" role="search" aria-label="Filter claims" className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4 sm:items-end">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="q-status">Status</Label>
          <NativeSelect id="q-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">Any status</option>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>{CLAIM_STATUS_LABEL[s]}</option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="q-verdict">Verdict</Label>
          <NativeSelect id="q-verdict" name="verdict" defaultValue={query.verdict ?? ""}>
            <option value="">Any verdict</option>
            <option value="none">Unrated</option>
            {scale.verdicts.map((v) => (
              <option key={v.key} value={v.key}>{v.label}</option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="q-assignee">Assignee</Label>
          <NativeSelect id="q-assignee" name="assignee" defaultValue={query.assignee ?? ""}>
            <option value="">Anyone</option>
            <option value="me">Assigned to me</option>
            <option value="none">Unassigned</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="q-author">Author</Label>
          <NativeSelect id="q-author" name="author" defaultValue={query.author ?? ""}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="q-from">Changed from</Label>
          <Input id="q-from" name="from" type="date" defaultValue={query.from ?? ""} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="q-to">Changed to</Label>
          <Input id="q-to" name="to" type="date" defaultValue={query.to ?? ""} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="q-sort">Sort</Label>
          <NativeSelect id="q-sort" name="sort" defaultValue={query.sort ?? "oldest"}>
            <option value="oldest">Oldest first</option>
            <option value="newest">Newest first</option>
          </NativeSelect>
        </div>
        {query.waiting && <input type="hidden" name="waiting" value={query.waiting} />}
        {query.article && <input type="hidden" name="article" value={query.article} />}
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">Apply</Button>
          {filtered && (
            <Button asChild variant="ghost">
              <Link href="/claims">Clear</Link>
            </Button>
          )}
        </div>
      </form>
      {!parsed.success && <Alert variant="warning" className="mb-4">Some filters were not understood and were left out.</Alert>}
      {query.waiting === "mine" && <p className="mb-3 text-sm text-muted-foreground">Showing claims in review that you can approve.</p>}

      {page.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-border px-6 py-12 text-center">
          <p className="font-medium">{filtered ? "No claim matches these filters." : "No claims yet."}</p>
        </div>
      ) : (
        <QueueBulkActions people={people} total={page.items.length}>
          <ul className="divide-y divide-border rounded-lg border border-border bg-background" aria-label="Claims" data-testid="claim-queue">
            {page.items.map((c) => (
              <li key={c.id} className="flex flex-col gap-1.5 px-4 py-3 sm:flex-row sm:items-start sm:gap-4">
                <input
                  type="checkbox"
                  name={BULK_CHECKBOX_NAME}
                  value={`${c.id}:${c.version}`}
                  data-statement={c.statement}
                  aria-label={`Select “${c.statement.length > 80 ? `${c.statement.slice(0, 79)}…` : c.statement}”`}
                  className="mt-1 size-4 shrink-0 accent-primary"
                />
                <div className="min-w-0 flex-1">
                  <Link href={`/articles/${c.article.id}?claim=${c.id}`} className="font-medium hover:underline">
                    {c.statement.length > 200 ? `${c.statement.slice(0, 199)}…` : c.statement}
                  </Link>
                  <p className="text-xs text-muted-foreground">
                    <Link href={hrefWith({ article: c.article.id, cursor: undefined })} className="hover:underline">{c.article.title}</Link>
                    {" · "}by {c.author.name}
                    {c.assignee ? ` · assigned to ${c.assignee.name}` : ""}
                    {" · "}
                    <time dateTime={c.updatedAt} title={formatDate(c.updatedAt, workspace.locale)}>changed {age(c.updatedAt)} ago</time>
                  </p>
                  {c.status === "IN_REVIEW" && c.reviewReason && <div className="mt-1"><ReviewReason reason={c.reviewReason} /></div>}
                </div>
                <div className="flex shrink-0 items-center gap-2 text-xs">
                  <span className="text-muted-foreground">{c.verdict ? (verdictLabel.get(c.verdict) ?? c.verdict) : "Unrated"}</span>
                  <StatusBadge status={c.status} />
                </div>
              </li>
            ))}
          </ul>
        </QueueBulkActions>
      )}
      <div className="mt-4 flex gap-2">
        {query.cursor && (
          <Button asChild variant="outline">
            <Link href={hrefWith({ cursor: undefined })}>First page</Link>
          </Button>
        )}
        {page.nextCursor && (
          <Button asChild variant="outline">
            <Link href={hrefWith({ cursor: page.nextCursor })}>Next page</Link>
          </Button>
        )}
      </div>
    </main>
  );
}
