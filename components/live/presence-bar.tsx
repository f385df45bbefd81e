"use client";

import { cn } from "@/lib/utils";
import { peopleOf, usePresent } from "./presence-store";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase() || "?";
}

// Stable colour per person, from a small palette readable with white text.
const COLORS = ["bg-sky-700", "bg-emerald-700", "bg-violet-700", "bg-rose-700", "bg-amber-700", "bg-teal-700"];
function colorOf(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length];
}

export function Avatar({ userId, name, className }: { userId: string; name: string; className?: string }) {
  return (
    <span className={cn("inline-flex size-6 items-center justify-center rounded-full text-[10px] font-semibold text-white ring-2 ring-background", colorOf(userId), className)} title={name} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

/** Who else has the article open: avatars, and what each is editing in their title. */
export function PresenceBar({ me, claimLabel }: { me: string; claimLabel: (claimId: string) => string | null }) {
  const people = peopleOf(usePresent()).filter((p) => p.userId !== me);
  if (people.length === 0) return null;
  const describe = (p: (typeof people)[number]) => {
    const label = p.claimId ? claimLabel(p.claimId) : null;
    return label ? `${p.name} is editing “${label}”` : `${p.name} is viewing`;
  };
  return (
    <div className="flex items-center gap-2 text-xs text-muted-foreground" data-testid="presence">
      <span className="flex -space-x-1.5">
        {people.slice(0, 6).map((p) => (
          <Avatar key={p.userId} userId={p.userId} name={describe(p)} />
        ))}
      </span>
      <span className="sr-only">Also here: {people.map(describe).join("; ")}</span>
      <span aria-hidden="true" className="truncate">
        {people.length === 1 ? `${people[0].name} is here` : `${people.length} colleagues here`}
      </span>
    </div>
  );
}

/** "<name> is editing this claim" in the claim editor. */
export function EditingNotice({ claimId, me }: { claimId: string; me: string }) {
  const editing = peopleOf(usePresent()).filter((p) => p.userId !== me && p.claimId === claimId);
  if (editing.length === 0) return null;
  return (
    <p className="flex items-center gap-2 text-xs text-muted-foreground" data-testid="editing-notice">
      <Avatar userId={editing[0].userId} name={editing[0].name} className="size-5" />
      {editing.map((p) => p.name).join(", ")} {editing.length === 1 ? "is" : "are"} editing this claim
    </p>
  );
}
