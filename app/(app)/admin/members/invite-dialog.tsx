"use client";

import { Link2 } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { FieldError } from "@/components/ui/field-error";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { inviteUserSchema } from "@/lib/schemas/admin";
import { ROLES, type Role } from "@/lib/schemas/enums";
import type { InviteUserResult } from "@/lib/server/invitations/invite-user";
import { useActionForm } from "../use-action-form";
import { inviteUserAction } from "./actions";
import { ROLE_LABEL } from "./members-table";

export function InviteDialog({ workspaceId }: { workspaceId: string }) {
  const [open, setOpen] = useState(false);
  const [invited, setInvited] = useState<InviteUserResult | null>(null);
  const { pending, error, fieldErrors, submit, clear } = useActionForm({
    schema: inviteUserSchema,
    action: (input) => inviteUserAction(workspaceId, input),
    onSuccess: setInvited,
  });

  function reset(next: boolean) {
    setOpen(next);
    if (!next) {
      clear();
      setInvited(null);
    }
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    submit({ email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "EDITOR") as Role });
  }

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Link2 aria-hidden /> Invite
        </Button>
      </DialogTrigger>
      <DialogContent>
        {invited ? (
          <>
            <DialogHeader>
              <DialogTitle>Invitation link ready</DialogTitle>
              <DialogDescription>
                Send this link to {invited.email}. They choose a name and password and join as {ROLE_LABEL[invited.role].toLowerCase()}.
              </DialogDescription>
            </DialogHeader>
            <Alert variant="warning">Factmark does not send email. Copy the link now: it is shown only once and works for 7 days.</Alert>
            <CopyField value={`${window.location.origin}${invited.path}`} label="Invitation link" />
            <DialogFooter>
              <Button onClick={() => reset(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
            <DialogHeader>
              <DialogTitle>Invite someone</DialogTitle>
              <DialogDescription>Creates a link that lets them set up their own account.</DialogDescription>
            </DialogHeader>
            {error && <Alert variant="error">{error}</Alert>}
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="invite-email">Email</Label>
              <Input id="invite-email" name="email" type="email" autoComplete="off" aria-invalid={!!fieldErrors.email} aria-describedby="invite-email-error" required />
              <FieldError id="invite-email-error" message={fieldErrors.email} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="invite-role">Role</Label>
              <NativeSelect id="invite-role" name="role" defaultValue="EDITOR">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => reset(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? "Creating link…" : "Create invitation link"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
