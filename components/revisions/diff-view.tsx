import { collapseEqual, type DiffSegment } from "@/lib/anchoring/diff-segments";
import { cn } from "@/lib/utils";

/** A word-level diff: deletions struck through in red, insertions underlined in green. */
export function DiffView({ segments, collapse = true, className, label }: { segments: DiffSegment[]; collapse?: boolean; className?: string; label: string }) {
  const shown = collapse ? collapseEqual(segments) : segments;
  return (
    <div aria-label={label} role="region" className={cn("whitespace-pre-wrap break-words rounded-md border border-border bg-muted/30 p-3 font-serif text-sm leading-relaxed", className)}>
      {shown.map((s, i) =>
        s.op === "delete" ? (
          <del key={i} className="bg-red-100 text-red-900 decoration-red-700" title="Removed">
            {s.text}
          </del>
        ) : s.op === "insert" ? (
          <ins key={i} className="bg-emerald-100 text-emerald-900 decoration-emerald-700" title="Added">
            {s.text}
          </ins>
        ) : (
          <span key={i} className={"collapsed" in s && s.collapsed ? "text-muted-foreground" : undefined}>
            {s.text}
          </span>
        ),
      )}
    </div>
  );
}

/**
 * The same diff side by side: the older text on the left with its deletions, the newer on the
 * right with its insertions; long unchanged stretches shortened alike on both sides.
 */
export function SideBySideDiff({ segments, className, label, fromLabel, toLabel }: { segments: DiffSegment[]; className?: string; label: string; fromLabel: string; toLabel: string }) {
  const shown = collapseEqual(segments);
  const column = (keep: "delete" | "insert", heading: string) => (
    <div className="min-w-0">
      <p className="mb-1 font-sans text-xs font-medium text-muted-foreground">{heading}</p>
      <div className="whitespace-pre-wrap break-words">
        {shown.map((s, i) =>
          s.op === "equal" ? (
            <span key={i} className={"collapsed" in s && s.collapsed ? "text-muted-foreground" : undefined}>
              {s.text}
            </span>
          ) : s.op !== keep ? null : keep === "delete" ? (
            <del key={i} className="bg-red-100 text-red-900 decoration-red-700" title="Removed">
              {s.text}
            </del>
          ) : (
            <ins key={i} className="bg-emerald-100 text-emerald-900 decoration-emerald-700" title="Added">
              {s.text}
            </ins>
          ),
        )}
      </div>
    </div>
  );
  return (
    <div aria-label={label} role="region" className={cn("grid grid-cols-2 gap-4 rounded-md border border-border bg-muted/30 p-3 font-serif text-sm leading-relaxed", className)}>
      {column("delete", fromLabel)}
      {column("insert", toLabel)}
    </div>
  );
}

export function SummaryLine({ summary }: { summary: { intact: number; moved: number; changed: number; orphaned: number } }) {
  return (
    <p className="text-sm" data-testid="reanchor-summary">
      Claims: {summary.intact} unchanged, {summary.moved} moved, <strong>{summary.changed} changed</strong>, <strong>{summary.orphaned} not found</strong>
      {summary.changed + summary.orphaned > 0 && " — they will be listed under Needs attention."}
    </p>
  );
}
