"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PendingInvitation } from "@/lib/schemas/admin";
import { revokeInvitationAction } from "./actions";
import { ROLE_LABEL } from "./members-table";
import { useDates } from "@/components/ui/dates";


export function PendingInvitations({ workspaceId, invitations }: { workspaceId: string; invitations: PendingInvitation[] }) {
  const { date } = useDates();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <section aria-labelledby="invitations-heading" className="flex flex-col gap-3">
      <div>
        <h2 id="invitations-heading" className="text-lg font-semibold">Pending invitations</h2>
        <p className="text-sm text-muted-foreground">Links stop working after 7 days, once used, or when revoked.</p>
      </div>
      {invitations.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-muted-foreground">No pending invitations.</p>
      ) : (
        <div className="rounded-lg border border-border bg-card">
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Email</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Invited by</TableHead>
                <TableHead>Expires</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {invitations.map((inv) => (
                <TableRow key={inv.id} data-testid={`invitation-row-${inv.email}`}>
                  <TableCell className="font-medium">{inv.email}</TableCell>
                  <TableCell>{ROLE_LABEL[inv.role]}</TableCell>
                  <TableCell className="text-muted-foreground">{inv.invitedBy}</TableCell>
                  <TableCell className="text-muted-foreground">{date(inv.expiresAt)}</TableCell>
                  <TableCell className="text-right">
                    <Button
                      variant="ghost"
                      size="sm"
                      disabled={pending}
                      aria-label={`Revoke invitation for ${inv.email}`}
                      onClick={() =>
                        startTransition(async () => {
                          const result = await revokeInvitationAction(workspaceId, inv.id);
                          if (result.ok) toast.success(`The invitation for ${inv.email} no longer works.`);
                          else toast.error(result.error);
                          router.refresh();
                        })
                      }
                    >
                      Revoke
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
