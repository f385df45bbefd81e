import { diffTexts, type TextDiff } from "./text-diff";

// A word-level diff as display segments (equal / delete / insert), for previews and the
// revision history. Built from the same diff the re-anchoring maps claims through.

export interface DiffSegment {
  op: "equal" | "insert" | "delete";
  text: string;
}

export function diffSegments(oldText: string, newText: string, diff: TextDiff = diffTexts(oldText, newText)): DiffSegment[] {
  const out: DiffSegment[] = [];
  const push = (op: DiffSegment["op"], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let o = 0;
  for (const c of diff.changes) {
    push("equal", oldText.slice(o, c.oldStart));
    push("delete", oldText.slice(c.oldStart, c.oldEnd));
    push("insert", newText.slice(c.newStart, c.newEnd));
    o = c.oldEnd;
  }
  push("equal", oldText.slice(o));
  return out;
}

/** Shortens long unchanged stretches to their edges ("…"), keeping `context` characters each side. */
export function collapseEqual(segments: DiffSegment[], context = 80): Array<DiffSegment & { collapsed?: boolean }> {
  return segments.map((s, i) => {
    if (s.op !== "equal" || s.text.length <= context * 2 + 20) return s;
    const head = i === 0 ? "" : s.text.slice(0, context);
    const tail = i === segments.length - 1 ? "" : s.text.slice(-context);
    return { op: "equal", text: `${head} … ${tail}`, collapsed: true };
  });
}
