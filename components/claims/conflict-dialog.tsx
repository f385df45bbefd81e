"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { ApiClaim, ApiPerson, ApiScale } from "@/lib/schemas/claim";
import { FIELD_LABELS, fieldsOf, htmlToText, type ClaimField, type ClaimFields } from "./claim-types";

export interface ConflictState {
  mine: Partial<ClaimFields>;
  theirs: ApiClaim;
}

function display(field: ClaimField, value: unknown, scale: ApiScale, members: ApiPerson[]): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (field === "verdict") return scale.verdicts.find((v) => v.key === value)?.label ?? String(value);
  if (field === "assigneeId") return members.find((m) => m.id === value)?.name ?? "Someone";
  if (field === "rationale") return htmlToText(String(value)) || "(empty)";
  return String(value);
}

/**
 * Shows, per field the user changed, their version and the colleague's, and lets them choose.
 * Resolving with an empty choice takes theirs everywhere.
 */
export function ConflictDialog({
  conflict,
  scale,
  members,
  onResolve,
}: {
  conflict: ConflictState | null;
  scale: ApiScale;
  members: ApiPerson[];
  onResolve: (keepMine: Partial<ClaimFields>, theirs: ApiClaim) => void;
}) {
  const [choice, setChoice] = useState<Partial<Record<ClaimField, "mine" | "theirs">>>({});
  if (!conflict) return null;
  const theirs = fieldsOf(conflict.theirs);
  const fields = (Object.keys(conflict.mine) as ClaimField[]).filter((f) => JSON.stringify(conflict.mine[f] ?? null) !== JSON.stringify(theirs[f] ?? null));
  const pick = (f: ClaimField) => choice[f] ?? "mine";
  const resolve = (mode: "choice" | "mine" | "theirs") => {
    const keep: Partial<ClaimFields> = {};
    for (const f of fields) {
      const which = mode === "choice" ? pick(f) : mode;
      if (which === "mine") (keep as Record<string, unknown>)[f] = conflict.mine[f];
    }
    setChoice({});
    onResolve(keep, conflict.theirs);
  };
  return (
    <Dialog open onOpenChange={(open) => !open && resolve("theirs")}>
      <DialogContent className="max-w-2xl" hideClose>
        <DialogHeader>
          <DialogTitle>Someone else changed this claim</DialogTitle>
          <DialogDescription>
            {conflict.theirs.updatedBy.name} saved a newer version while you were editing. Choose which version to keep for each field; nothing is overwritten until you do.
          </DialogDescription>
        </DialogHeader>
        {fields.length === 0 ? (
          <p className="text-sm">Your changes match theirs; nothing to choose.</p>
        ) : (
          <div className="flex flex-col gap-4">
            {fields.map((f) => (
              <fieldset key={f} className="rounded-md border border-border p-3">
                <legend className="px-1 text-sm font-semibold">{FIELD_LABELS[f]}</legend>
                <div className="grid gap-2 sm:grid-cols-2">
                  {(["mine", "theirs"] as const).map((which) => (
                    <label
                      key={which}
                      className="flex cursor-pointer flex-col gap-1 rounded-md border border-border p-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-secondary"
                    >
                      <span className="flex items-center gap-2 font-medium">
                        <input type="radio" name={`conflict-${f}`} checked={pick(f) === which} onChange={() => setChoice((c) => ({ ...c, [f]: which }))} />
                        {which === "mine" ? "Your version" : "Their version"}
                      </span>
                      <span className="line-clamp-6 whitespace-pre-wrap break-words text-muted-foreground">
                        {display(f, which === "mine" ? conflict.mine[f] : theirs[f], scale, members)}
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
          </div>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={() => resolve("theirs")}>Take theirs</Button>
          <Button variant="outline" onClick={() => resolve("mine")}>Keep mine</Button>
          <Button onClick={() => resolve("choice")}>Save my choices</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
