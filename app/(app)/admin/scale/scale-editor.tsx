"use client";

import { Archive, ArchiveRestore, ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Textarea } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { HIGHLIGHT_TEXT_COLOR } from "@/lib/scale/default-scale";
import type { EditableScale } from "@/lib/schemas/admin";
import { checkVerdictContrast, MIN_CONTRAST, scaleProblems } from "@/lib/scale/validate-scale";
import { cn } from "@/lib/utils";
import { updateRatingScaleAction } from "./actions";

interface Row {
  /** Client-side identity for React keys (new rows have no verdict key yet). */
  uid: string;
  key: string | null;
  label: string;
  description: string;
  color: string;
  ratingValue: string;
  archived: boolean;
  claimCount: number;
}

const HEX = /^#[0-9a-f]{6}$/i;
let uidCounter = 0;
const nextUid = () => `new-${++uidCounter}`;

function toRows(scale: EditableScale): Row[] {
  return scale.verdicts.map((v) => ({
    uid: v.key,
    key: v.key,
    label: v.label,
    description: v.description,
    color: v.color,
    ratingValue: v.ratingValue === null ? "" : String(v.ratingValue),
    archived: v.archived,
    claimCount: v.claimCount,
  }));
}

function parseRating(s: string): number | null {
  return s.trim() === "" ? null : Number(s);
}

/** The highlight as readers see it, with its WCAG contrast. */
function PreviewChip({ label, color }: { label: string; color: string }) {
  if (!HEX.test(color)) return <Badge variant="danger">Not a #rrggbb colour</Badge>;
  const { ratio, passes } = checkVerdictContrast(color);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="rounded px-1.5 py-0.5 font-serif text-base" style={{ backgroundColor: color, color: HIGHLIGHT_TEXT_COLOR }}>
        {label || "Verdict"}
      </span>
      <Badge variant={passes ? "success" : "danger"} data-testid="contrast-badge">
        {ratio.toFixed(2)}:1 {passes ? "AA pass" : `fails AA (needs ${MIN_CONTRAST}:1)`}
      </Badge>
    </div>
  );
}

export function ScaleEditor({ workspaceId, scale }: { workspaceId: string; scale: EditableScale }) {
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>(() => toRows(scale));
  const [best, setBest] = useState(String(scale.bestRating));
  const [worst, setWorst] = useState(String(scale.worstRating));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const update = (uid: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.uid === uid ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row);
      return next;
    });

  const problems = useMemo(() => {
    const ratingOk = rows.every((r) => r.ratingValue.trim() === "" || Number.isInteger(Number(r.ratingValue)));
    const list = scaleProblems({
      bestRating: Number(best),
      worstRating: Number(worst),
      verdicts: rows.filter((r) => HEX.test(r.color)).map((r) => ({ label: r.label, color: r.color, ratingValue: parseRating(r.ratingValue), archived: r.archived })),
    });
    if (!ratingOk || !Number.isInteger(Number(best)) || !Number.isInteger(Number(worst))) list.unshift("Ratings must be whole numbers.");
    for (const r of rows) {
      if (!r.label.trim()) list.push("Every verdict needs a label.");
      if (!HEX.test(r.color)) list.push(`“${r.label || "A verdict"}”: use a colour in the form #rrggbb.`);
    }
    return [...new Set(list)];
  }, [rows, best, worst]);

  function save() {
    setError(null);
    startTransition(async () => {
      const result = await updateRatingScaleAction(workspaceId, {
        bestRating: Number(best),
        worstRating: Number(worst),
        verdicts: rows.map((r) => ({
          key: r.key,
          label: r.label,
          description: r.description,
          color: r.color.toLowerCase(),
          ratingValue: parseRating(r.ratingValue),
          archived: r.archived,
        })),
      });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      const { archivedInsteadOfDeleted, added, deleted } = result.data;
      const notes = [
        added.length ? `added ${added.join(", ")}` : "",
        deleted.length ? `deleted ${deleted.join(", ")}` : "",
        archivedInsteadOfDeleted.length ? `archived ${archivedInsteadOfDeleted.join(", ")} (claims use them)` : "",
      ].filter(Boolean);
      toast.success(`Rating scale saved${notes.length ? `: ${notes.join("; ")}` : ""}.`);
      setRows(toRows(result.data.scale));
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>ClaimReview rating range</CardTitle>
          <CardDescription>Published fact-checks carry each verdict’s rating value between the worst and best rating.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap gap-4">
          <div className="flex w-32 flex-col gap-1.5">
            <Label htmlFor="worst-rating">Worst rating</Label>
            <Input id="worst-rating" type="number" step={1} value={worst} onChange={(e) => setWorst(e.target.value)} />
          </div>
          <div className="flex w-32 flex-col gap-1.5">
            <Label htmlFor="best-rating">Best rating</Label>
            <Input id="best-rating" type="number" step={1} value={best} onChange={(e) => setBest(e.target.value)} />
          </div>
        </CardContent>
      </Card>

      <section aria-labelledby="verdicts-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="verdicts-heading" className="text-lg font-semibold">Verdicts</h2>
            <p className="text-sm text-muted-foreground">
              In display order. Keys never change once created; a verdict that claims use can only be archived.
            </p>
          </div>
          <Button
            variant="outline"
            onClick={() =>
              setRows((rs) => [...rs, { uid: nextUid(), key: null, label: "", description: "", color: "#e5e7eb", ratingValue: "", archived: false, claimCount: 0 }])
            }
          >
            <Plus aria-hidden /> Add verdict
          </Button>
        </div>

        <ol className="flex flex-col gap-3">
          {rows.map((r, i) => {
            const name = r.label || "new verdict";
            return (
              <li
                key={r.uid}
                className={cn("rounded-lg border border-border bg-card p-4", r.archived && "bg-muted/50")}
                data-testid={`verdict-row-${r.key ?? "new"}`}
                aria-label={`Verdict ${i + 1}: ${name}`}
              >
                <div className="flex flex-col gap-4 md:flex-row md:items-start">
                  <div className="flex flex-row gap-1 md:flex-col">
                    <Button variant="ghost" size="icon" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${name} up`}>
                      <ArrowUp aria-hidden />
                    </Button>
                    <Button variant="ghost" size="icon" disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${name} down`}>
                      <ArrowDown aria-hidden />
                    </Button>
                  </div>
                  <div className="grid flex-1 gap-3 sm:grid-cols-2">
                    <div className="flex flex-col gap-1.5">
                      <Label htmlFor={`label-${r.uid}`}>Label</Label>
                      <Input id={`label-${r.uid}`} value={r.label} onChange={(e) => update(r.uid, { label: e.target.value })} maxLength={60} />
                    </div>
                    <div className="flex flex-col gap-1.5">
                      <Label htmlFor={`color-${r.uid}`}>Colour</Label>
                      <div className="flex items-center gap-2">
                        <input
                          type="color"
                          aria-label={`Pick colour for ${name}`}
                          value={HEX.test(r.color) ? r.color.toLowerCase() : "#ffffff"}
                          onChange={(e) => update(r.uid, { color: e.target.value })}
                          className="h-9 w-11 cursor-pointer rounded-md border border-input bg-background p-1"
                        />
                        <Input
                          id={`color-${r.uid}`}
                          value={r.color}
                          onChange={(e) => update(r.uid, { color: e.target.value.trim() })}
                          className="w-28 font-mono"
                          aria-invalid={!HEX.test(r.color)}
                          maxLength={7}
                        />
                      </div>
                    </div>
                    <div className="flex flex-col gap-1.5 sm:col-span-2">
                      <Label htmlFor={`desc-${r.uid}`}>Description</Label>
                      <Textarea
                        id={`desc-${r.uid}`}
                        value={r.description}
                        onChange={(e) => update(r.uid, { description: e.target.value })}
                        className="min-h-14"
                        maxLength={500}
                      />
                    </div>
                    <div className="flex flex-col gap-1.5">
                      <Label htmlFor={`rating-${r.uid}`}>Rating value</Label>
                      <Input
                        id={`rating-${r.uid}`}
                        type="number"
                        step={1}
                        placeholder="None"
                        value={r.ratingValue}
                        onChange={(e) => update(r.uid, { ratingValue: e.target.value })}
                        className="w-28"
                        aria-describedby={`rating-help-${r.uid}`}
                      />
                      <p id={`rating-help-${r.uid}`} className="text-xs text-muted-foreground">
                        Empty for verdicts outside the numeric scale.
                      </p>
                    </div>
                    <div className="flex flex-col gap-1.5">
                      <span className="text-sm font-medium">Preview</span>
                      <PreviewChip label={r.label} color={r.color} />
                    </div>
                  </div>
                  <div className="flex flex-row flex-wrap items-center gap-2 md:w-40 md:flex-col md:items-end">
                    <code className="rounded bg-muted px-1.5 py-0.5 text-xs text-muted-foreground" title="Stable key">
                      {r.key ?? "key set on save"}
                    </code>
                    <span className="text-xs text-muted-foreground">
                      {r.claimCount} claim{r.claimCount === 1 ? "" : "s"}
                    </span>
                    {r.archived && <Badge variant="secondary">Archived</Badge>}
                    {r.key && (
                      <Button variant="ghost" size="sm" onClick={() => update(r.uid, { archived: !r.archived })}>
                        {r.archived ? <ArchiveRestore aria-hidden /> : <Archive aria-hidden />}
                        {r.archived ? "Restore" : "Archive"}
                      </Button>
                    )}
                    {r.claimCount === 0 && (
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-destructive hover:text-destructive"
                        onClick={() => setRows((rs) => rs.filter((x) => x.uid !== r.uid))}
                        aria-label={`Delete ${name}`}
                      >
                        <Trash2 aria-hidden /> Delete
                      </Button>
                    )}
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      </section>

      <div className="sticky bottom-0 flex flex-col gap-3 border-t border-border bg-canvas/95 py-4 backdrop-blur">
        {problems.length > 0 && (
          <Alert variant="warning">
            <p className="font-medium">Fix these before saving:</p>
            <ul className="mt-1 list-disc pl-5">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Alert>
        )}
        {error && <Alert variant="error">{error}</Alert>}
        <div className="flex gap-2">
          <Button onClick={save} disabled={pending}>
            {pending ? "Saving…" : "Save scale"}
          </Button>
          <Button
            variant="outline"
            disabled={pending}
            onClick={() => {
              setRows(toRows(scale));
              setBest(String(scale.bestRating));
              setWorst(String(scale.worstRating));
              setError(null);
            }}
          >
            Discard changes
          </Button>
        </div>
      </div>
    </div>
  );
}
