"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/app/(app)/admin/action-result";

export interface BannerInvitation {
  id: string;
  workspaceName: string;
  roleLabel: string;
  invitedBy: string;
}

/** Pending invitations to other workspaces, each with Accept and Decline (above every app page). */
export function InvitationsBanner({
  invitations,
  answer,
}: {
  invitations: BannerInvitation[];
  answer: (invitationId: string, accept: boolean) => Promise<ActionResult<{ workspaceId: string; accepted: boolean }>>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (invitations.length === 0 && !message) return null;
  const run = (inv: BannerInvitation, accept: boolean) =>
    start(async () => {
      const result = await answer(inv.id, accept);
      setMessage(
        result.ok
          ? { ok: true, text: accept ? `You joined ${inv.workspaceName}. Switch to it from the workspace menu.` : `You declined the invitation to ${inv.workspaceName}.` }
          : { ok: false, text: result.error },
      );
      router.refresh();
    });
  return (
    <section aria-label="Invitations" className="mx-auto flex w-full max-w-6xl flex-col gap-2 px-4 pt-3">
      {message && <Alert variant={message.ok ? "success" : "error"}>{message.text}</Alert>}
      {invitations.map((inv) => (
        <Alert key={inv.id} className="flex flex-wrap items-center justify-between gap-2">
          <span>
            {inv.invitedBy} invited you to join <strong>{inv.workspaceName}</strong> as {inv.roleLabel.toLowerCase()}.
          </span>
          <span className="flex gap-2">
            <Button size="sm" disabled={pending} onClick={() => run(inv, true)}>
              Accept
            </Button>
            <Button size="sm" variant="outline" disabled={pending} onClick={() => run(inv, false)}>
              Decline
            </Button>
          </span>
        </Alert>
      ))}
    </section>
  );
}
