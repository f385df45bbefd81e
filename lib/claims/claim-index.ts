import { splitSentences } from "@/lib/checkworthy/score-sentences";
import { CLAIM_LIMITS, type ApiClaim } from "@/lib/schemas/claim";
import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/schemas/enums";
import { defaultStatement } from "@/lib/statements/default-statement";

// What the article page knows of every claim before one is opened: enough to paint its
// highlight and draw its row in the claim list. The details (rationale, sources, comments,
// history) load when the claim is opened. The page ships the summaries as a ClaimIndex:
// columns of numbers and one string of ids, so 5,000 claims cost ~45 bytes each in the HTML.

export interface ClaimSummary {
  id: string;
  start: number;
  end: number;
  verdict: string | null;
  status: ClaimStatus;
  /** Shortened to INDEX_STATEMENT_MAX; null: the default statement of the span (see statementReader). */
  statement: string | null;
  claimant: string | null;
  assigneeId: string | null;
  sourceCount: number;
  openThreadCount: number;
  /** Tells a live update whether the page already has this version. */
  version: number;
}

export type StatementReader = (c: Pick<ClaimSummary, "statement" | "start" | "end">) => string;

/**
 * The statements of claims over `text` (the canonical text): the summary's own, else the default
 * statement of its span (what a new claim starts with), the text split into sentences once.
 */
export function statementReader(text: string): StatementReader {
  let split: ReturnType<typeof splitSentences> | null = null;
  return (c) => c.statement ?? defaultStatement(text, c.start, c.end, (split ??= splitSentences(text))).slice(0, CLAIM_LIMITS.statement);
}

/** Longest statement the index carries: the list shows two lines, the panel loads it whole. */
export const INDEX_STATEMENT_MAX = 160;

export function summaryOf(c: ApiClaim): ClaimSummary {
  return {
    id: c.id,
    start: c.start,
    end: c.end,
    verdict: c.verdict,
    status: c.status,
    statement: c.statement.slice(0, INDEX_STATEMENT_MAX),
    claimant: c.claimant,
    assigneeId: c.assignee?.id ?? null,
    sourceCount: c.sources.length,
    openThreadCount: c.openThreadCount ?? 0,
    version: c.version,
  };
}

/**
 * Spans as the page sends them (the claim index and the early-paint script alike): per claim, its
 * start minus the previous claim's start (the first: its start), then its length. The page's
 * claims come in document order, so a 5,000-claim article's starts take 1–3 digits, not 5.
 */
export function packSpans(spans: ReadonlyArray<{ start: number; end: number }>): number[] {
  const out: number[] = [];
  let previous = 0;
  for (const s of spans) {
    out.push(s.start - previous, s.end - s.start);
    previous = s.start;
  }
  return out;
}

/** packSpans undone: start, then length, per claim. */
export function unpackSpans(packed: readonly number[]): number[] {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i < packed.length; i += 2) {
    start += packed[i];
    out.push(start, packed[i + 1]);
  }
  return out;
}

/** Claim summaries in columns (see encodeClaimIndex). Plain JSON. */
export interface ClaimIndex {
  /** Ids joined by spaces. */
  ids: string;
  /** packSpans of the claims. */
  spans: number[];
  /** Index into `verdicts`, −1 for unrated. */
  verdict: number[];
  verdicts: string[];
  /** Index into CLAIM_STATUSES. */
  status: number[];
  sources: number[];
  version: number[];
  /** Index into `claimants`/`assignees`, −1 for none. */
  claimant: number[];
  claimants: string[];
  assignee: number[];
  assignees: string[];
  /** Sparse: [claim index, value]. */
  statements: Array<[number, string]>;
  threads: Array<[number, number]>;
}

function dictionary() {
  const values: string[] = [];
  const at = new Map<string, number>();
  return {
    values,
    ref(v: string | null): number {
      if (v === null) return -1;
      let i = at.get(v);
      if (i === undefined) {
        i = values.length;
        values.push(v);
        at.set(v, i);
      }
      return i;
    },
  };
}

export function encodeClaimIndex(claims: readonly ClaimSummary[]): ClaimIndex {
  const verdicts = dictionary();
  const claimants = dictionary();
  const assignees = dictionary();
  const index: ClaimIndex = {
    ids: claims.map((c) => c.id).join(" "),
    spans: packSpans(claims),
    verdict: [],
    verdicts: verdicts.values,
    status: [],
    sources: [],
    version: [],
    claimant: [],
    claimants: claimants.values,
    assignee: [],
    assignees: assignees.values,
    statements: [],
    threads: [],
  };
  claims.forEach((c, i) => {
    index.verdict.push(verdicts.ref(c.verdict));
    index.status.push(CLAIM_STATUSES.indexOf(c.status));
    index.sources.push(c.sourceCount);
    index.version.push(c.version);
    index.claimant.push(claimants.ref(c.claimant));
    index.assignee.push(assignees.ref(c.assigneeId));
    if (c.statement !== null) index.statements.push([i, c.statement.slice(0, INDEX_STATEMENT_MAX)]);
    if (c.openThreadCount > 0) index.threads.push([i, c.openThreadCount]);
  });
  return index;
}

export function decodeClaimIndex(index: ClaimIndex): ClaimSummary[] {
  if (!index.ids) return [];
  const statements = new Map(index.statements);
  const threads = new Map(index.threads);
  const pick = (values: string[], i: number) => (i < 0 ? null : values[i]);
  const spans = unpackSpans(index.spans);
  return index.ids.split(" ").map((id, i) => ({
    id,
    start: spans[2 * i],
    end: spans[2 * i] + spans[2 * i + 1],
    verdict: pick(index.verdicts, index.verdict[i]),
    status: CLAIM_STATUSES[index.status[i]],
    statement: statements.get(i) ?? null,
    claimant: pick(index.claimants, index.claimant[i]),
    assigneeId: pick(index.assignees, index.assignee[i]),
    sourceCount: index.sources[i],
    openThreadCount: threads.get(i) ?? 0,
    version: index.version[i],
  }));
}

export function bySummaryOrder(a: Pick<ClaimSummary, "start" | "end" | "id">, b: Pick<ClaimSummary, "start" | "end" | "id">): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
