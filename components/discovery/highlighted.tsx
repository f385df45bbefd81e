import type { HighlightSegment } from "@/lib/schemas/search";

/** A search snippet: matched words in <mark>, everything else plain text (no HTML from the server). */
export function Highlighted({ segments, fallback }: { segments: HighlightSegment[]; fallback?: string }) {
  if (!segments.length) return <>{fallback ?? ""}</>;
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-inherit dark:bg-yellow-700/60">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
