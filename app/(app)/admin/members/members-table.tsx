"use client";

import { UserMinus, UserRoundCheck, UserRoundX } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Member } from "@/lib/schemas/admin";
import { ROLES, type Role } from "@/lib/schemas/enums";
import type { ActionResult } from "../action-result";
import { removeMemberAction, setMemberRoleAction, setUserActiveAction } from "./actions";

export const ROLE_LABEL: Record<Role, string> = { ADMIN: "Admin", EDITOR: "Editor", READER: "Reader" };

function Confirm({
  trigger,
  title,
  description,
  action,
  onConfirm,
}: {
  trigger: React.ReactNode;
  title: string;
  description: string;
  action: string;
  onConfirm: () => void;
}) {
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction destructive onClick={onConfirm}>
            {action}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

export function MembersTable({ workspaceId, members, currentUserId }: { workspaceId: string; members: Member[]; currentUserId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function run(action: () => Promise<ActionResult<unknown>>, success: string) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) toast.success(success);
      else toast.error(result.error);
      router.refresh();
    });
  }

  return (
    <div className="rounded-lg border border-border bg-card" aria-busy={pending}>
      <Table>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>Name</TableHead>
            <TableHead className="hidden sm:table-cell">Email</TableHead>
            <TableHead className="w-36">Role</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">Actions</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((m) => {
            const isMe = m.userId === currentUserId;
            return (
              <TableRow key={m.userId} data-testid={`member-row-${m.email}`}>
                <TableCell className="font-medium">
                  {m.name}
                  {isMe && <span className="ml-1.5 text-xs font-normal text-muted-foreground">(you)</span>}
                  {/* On a phone the email sits under the name: a column of its own squeezed the role picker to its arrow. */}
                  <span className="block text-xs font-normal text-muted-foreground sm:hidden">{m.email}</span>
                </TableCell>
                <TableCell className="hidden text-muted-foreground sm:table-cell">{m.email}</TableCell>
                <TableCell>
                  <NativeSelect
                    className="min-w-28"
                    aria-label={`Role of ${m.name}`}
                    value={m.role}
                    disabled={pending}
                    onChange={(e) => {
                      const role = e.target.value as Role;
                      run(() => setMemberRoleAction(workspaceId, m.userId, role), `${m.name} is now ${ROLE_LABEL[role].toLowerCase()}.`);
                    }}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABEL[r]}
                      </option>
                    ))}
                  </NativeSelect>
                </TableCell>
                <TableCell>{m.active ? <Badge variant="success">Active</Badge> : <Badge variant="danger">{m.accountActive ? "Deactivated here" : "Account deactivated"}</Badge>}</TableCell>
                <TableCell>
                  <div className="flex justify-end gap-1">
                    {m.active ? (
                      !isMe && (
                        <Confirm
                          trigger={
                            <Button variant="ghost" size="sm" disabled={pending}>
                              <UserRoundX aria-hidden /> Deactivate
                            </Button>
                          }
                          title={`Deactivate ${m.name}?`}
                          description="From their next request on, they (and their API tokens) have no access to this workspace. Their account and their other workspaces are not affected. You can reactivate them later."
                          action="Deactivate"
                          onConfirm={() => run(() => setUserActiveAction(workspaceId, m.userId, false), `${m.name} has been deactivated.`)}
                        />
                      )
                    ) : (
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={pending}
                        onClick={() => run(() => setUserActiveAction(workspaceId, m.userId, true), `${m.name} has access to this workspace again.`)}
                      >
                        <UserRoundCheck aria-hidden /> Reactivate
                      </Button>
                    )}
                    <Confirm
                      trigger={
                        <Button variant="ghost" size="sm" disabled={pending} className="text-destructive hover:text-destructive">
                          <UserMinus aria-hidden /> Remove
                        </Button>
                      }
                      title={`Remove ${m.name} from this workspace?`}
                      description="They lose access to this workspace's articles. Their account, their work and their other workspaces stay."
                      action="Remove"
                      onConfirm={() => run(() => removeMemberAction(workspaceId, m.userId), `${m.name} was removed from the workspace.`)}
                    />
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
