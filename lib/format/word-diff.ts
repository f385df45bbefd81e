// Word-level difference of two short texts (a claim's statement before and after a
// correction), written inline as "{-removed-}{+added+}" so it survives as one plain string in
// the stored corrections log and stays readable in any export; renderers turn the markers
// into <del>/<ins> or strike/underline. Pure.

export type DiffPart = { kind: "same" | "removed" | "added"; text: string };

const MARKER = /\{-([\s\S]*?)-\}|\{\+([\s\S]*?)\+\}/g;

function words(text: string): string[] {
  return text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
}

/** Longest-common-subsequence word diff (statements are short: quadratic is fine, capped anyway). */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = words(before).slice(0, 400);
  const b = words(after).slice(0, 400);
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], word: string) => {
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += ` ${word}`;
    else parts.push({ kind, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      push("same", a[i]);
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      // Removals before additions at the same spot: "{-old-} {+new+}" reads left to right.
      if (i < n && lcs[i + 1][j] === lcs[i][j]) push("removed", a[i++]);
      else push("added", b[j++]);
    } else push("removed", a[i++]);
  }
  return parts;
}

/** The diff as one marked-up string; long unchanged stretches keep 5 words either side of a change. */
export function markedWordDiff(before: string, after: string): string {
  const parts = diffWords(before, after);
  return parts
    .map((p, index) => {
      if (p.kind === "removed") return `{-${p.text}-}`;
      if (p.kind === "added") return `{+${p.text}+}`;
      const w = p.text.split(" ");
      const first = index === 0;
      const last = index === parts.length - 1;
      if (w.length <= 12) return p.text;
      if (first) return `… ${w.slice(-5).join(" ")}`;
      if (last) return `${w.slice(0, 5).join(" ")} …`;
      return `${w.slice(0, 5).join(" ")} … ${w.slice(-5).join(" ")}`;
    })
    .join(" ");
}

/** Splits a string that may hold diff markers into parts (plain text is one "same" part). */
export function parseMarkedDiff(text: string): DiffPart[] {
  const parts: DiffPart[] = [];
  let at = 0;
  for (const m of text.matchAll(MARKER)) {
    if (m.index > at) parts.push({ kind: "same", text: text.slice(at, m.index) });
    parts.push(m[1] !== undefined ? { kind: "removed", text: m[1] } : { kind: "added", text: m[2] });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ kind: "same", text: text.slice(at) });
  return parts;
}

/** Plain words for formats without strike-through: "[removed: …] [added: …]". */
export function plainWordDiff(text: string): string {
  return parseMarkedDiff(text)
    .map((p) => (p.kind === "removed" ? `[removed: ${p.text}]` : p.kind === "added" ? `[added: ${p.text}]` : p.text))
    .join("");
}
