import "server-only";
import { markedWordDiff } from "@/lib/format/word-diff";
import type { ReportBundle, ReportClaim, ReportSource } from "@/lib/schemas/report";

// What readers would see change between two publication snapshots, in plain words, for the
// public corrections log. Pure; timestamps and internal ids that readers don't see are ignored.

const STANCE_WORDS: Record<ReportSource["stance"], string> = { SUPPORTS: "supports", REFUTES: "refutes", CONTEXT: "context" };

function short(text: string, max = 60): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

function claimName(claim: ReportClaim): string {
  return `'${short(claim.statement || claim.exact)}'`;
}

function sourceName(s: ReportSource): string {
  return s.title ? `"${short(s.title, 50)}"` : s.url;
}

function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? "").trim() === (b ?? "").trim();
}

function diffSources(prev: ReportSource[], next: ReportSource[]): string[] {
  const out: string[] = [];
  const prevByUrl = new Map(prev.map((s) => [s.url, s]));
  const nextByUrl = new Map(next.map((s) => [s.url, s]));
  for (const s of next) {
    const before = prevByUrl.get(s.url);
    if (!before) {
      out.push(`source added: ${sourceName(s)} (${STANCE_WORDS[s.stance]})`);
      continue;
    }
    if (before.stance !== s.stance) out.push(`source ${sourceName(s)}: ${STANCE_WORDS[before.stance]} → ${STANCE_WORDS[s.stance]}`);
    const detailsChanged =
      !sameText(before.title, s.title) ||
      !sameText(before.publisher, s.publisher) ||
      !sameText(before.publishedOn, s.publishedOn) ||
      !sameText(before.excerpt, s.excerpt) ||
      !sameText(before.archiveUrl, s.archiveUrl);
    if (detailsChanged) out.push(`source ${sourceName(s)} details updated`);
  }
  for (const s of prev) if (!nextByUrl.has(s.url)) out.push(`source removed: ${sourceName(s)}`);
  return out;
}

function diffClaim(prev: ReportClaim, next: ReportClaim): string[] {
  const parts: string[] = [];
  const prevVerdict = prev.verdict?.label ?? "Not rated";
  const nextVerdict = next.verdict?.label ?? "Not rated";
  if (prevVerdict !== nextVerdict) parts.push(`verdict ${prevVerdict} → ${nextVerdict}`);
  // A word-level diff ("{-old-} {+new+}", see lib/format/word-diff), never two truncated copies.
  if (!sameText(prev.statement, next.statement)) parts.push(`statement reworded: ${markedWordDiff(prev.statement || prev.exact, next.statement || next.exact)}`);
  if (!sameText(prev.claimant, next.claimant)) parts.push(`claimant ${prev.claimant ? `"${short(prev.claimant, 40)}"` : "none"} → ${next.claimant ? `"${short(next.claimant, 40)}"` : "none"}`);
  if (!sameText(prev.exact, next.exact)) parts.push("quoted passage changed");
  if (!sameText(prev.rationale, next.rationale)) parts.push("rationale revised");
  parts.push(...diffSources(prev.sources, next.sources));
  return parts;
}

/** Human-readable changes from `prev` to `next`; empty when readers would see no difference. */
export function diffSnapshots(prev: ReportBundle, next: ReportBundle): string[] {
  const changes: string[] = [];
  const a = prev.article;
  const b = next.article;
  if (!sameText(a.title, b.title)) changes.push(`Title changed from "${short(a.title)}" to "${short(b.title)}"`);
  if (!sameText(a.byline, b.byline)) changes.push("Byline changed");
  if (!sameText(a.sourceUrl, b.sourceUrl)) changes.push("Link to the original article changed");
  if (a.canonicalText !== b.canonicalText) changes.push("Article text updated");

  const prevById = new Map(prev.claims.map((c) => [c.id, c]));
  const nextIds = new Set(next.claims.map((c) => c.id));
  for (const claim of next.claims) {
    const before = prevById.get(claim.id);
    if (!before) {
      changes.push(`Claim added: ${claimName(claim)} rated ${claim.verdict?.label ?? "Not rated"}`);
      continue;
    }
    const parts = diffClaim(before, claim);
    // Named by its statement now, as readers see it in the claims list.
    if (parts.length) changes.push(`Claim ${claimName(claim)}: ${parts.join("; ")}`);
  }
  for (const claim of prev.claims) if (!nextIds.has(claim.id)) changes.push(`Claim removed: ${claimName(claim)}`);
  return changes;
}
