"use client";

import { Link2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { inviteUserSchema } from "@/lib/schemas/admin";
import { ROLES, type Role } from "@/lib/schemas/enums";
import type { InviteUserResult } from "@/lib/server/invitations/invite-user";
import { inviteUserAction } from "./actions";
import { FieldError } from "./add-user-dialog";
import { ROLE_LABEL } from "./members-table";

export function InviteDialog({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [invited, setInvited] = useState<InviteUserResult | null>(null);

  function reset(next: boolean) {
    setOpen(next);
    if (!next) {
      setError(null);
      setFieldErrors({});
      setInvited(null);
    }
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "EDITOR") as Role };
    const parsed = inviteUserSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    startTransition(async () => {
      const result = await inviteUserAction(workspaceId, input);
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      setError(null);
      setFieldErrors({});
      setInvited(result.data);
      router.refresh();
    });
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
