"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { REVISION_REASON_MAX } from "@/lib/schemas/revision";

export function ReasonField({ id, value, onChange, required }: { id: string; value: string; onChange: (v: string) => void; required: boolean }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>Reason for the change{required ? "" : " (optional)"}</Label>
      <Input
        id={id}
        value={value}
        maxLength={REVISION_REASON_MAX}
        required={required}
        placeholder="e.g. Corrected the spelling of two experts' names"
        onChange={(e) => onChange(e.target.value)}
      />
      {required && <p className="text-xs text-muted-foreground">The article is published: readers see this reason in the corrections log.</p>}
    </div>
  );
}
