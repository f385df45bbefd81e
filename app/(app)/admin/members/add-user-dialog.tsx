"use client";

import { UserPlus } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { FieldError } from "@/components/ui/field-error";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { createUserSchema } from "@/lib/schemas/admin";
import { ROLES, type Role } from "@/lib/schemas/enums";
import type { CreateUserResult } from "@/lib/server/users/create-user";
import { useActionForm } from "../use-action-form";
import { addUserAction } from "./actions";
import { ROLE_LABEL } from "./members-table";

export function AddUserDialog({ workspaceId }: { workspaceId: string }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreateUserResult | null>(null);
  const { pending, error, fieldErrors, submit, clear } = useActionForm({
    schema: createUserSchema,
    action: (input) => addUserAction(workspaceId, input),
    onSuccess: setCreated,
  });

  function reset(next: boolean) {
    setOpen(next);
    if (!next) {
      clear();
      setCreated(null);
    }
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    submit({
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? ""),
      role: String(form.get("role") ?? "EDITOR") as Role,
      ...(password ? { password } : {}),
    });
  }

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden /> Add user
        </Button>
      </DialogTrigger>
      <DialogContent>
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>{created.existingAccount ? "Invitation sent" : "User created"}</DialogTitle>
              <DialogDescription>
                {created.existingAccount
                  ? `${created.email} already has an account, so it was not added directly: its owner will see an invitation to join as ${ROLE_LABEL[created.role].toLowerCase()} when they next use Factmark, and can accept or decline it.`
                  : `${created.name} (${created.email}) is now ${ROLE_LABEL[created.role].toLowerCase()} of this workspace.`}
              </DialogDescription>
            </DialogHeader>
            {created.generatedPassword ? (
              <div className="flex flex-col gap-2">
                <Alert variant="warning">Copy this password now and pass it on securely: it is shown only once.</Alert>
                <CopyField value={created.generatedPassword} label="Password" />
              </div>
            ) : created.existingAccount ? (
              <Alert>The invitation is listed under pending invitations until they answer; you can withdraw it there.</Alert>
            ) : (
              <Alert>They sign in with the password you set.</Alert>
            )}
            <DialogFooter>
              <Button onClick={() => reset(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
            <DialogHeader>
              <DialogTitle>Add a user</DialogTitle>
              <DialogDescription>Creates an account with a role in this workspace. An email that already has an account gets an invitation instead, which its owner accepts in the app.</DialogDescription>
            </DialogHeader>
            {error && <Alert variant="error">{error}</Alert>}
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="add-name">Name</Label>
              <Input id="add-name" name="name" autoComplete="off" aria-invalid={!!fieldErrors.name} aria-describedby="add-name-error" required />
              <FieldError id="add-name-error" message={fieldErrors.name} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="add-email">Email</Label>
              <Input id="add-email" name="email" type="email" autoComplete="off" aria-invalid={!!fieldErrors.email} aria-describedby="add-email-error" required />
              <FieldError id="add-email-error" message={fieldErrors.email} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="add-role">Role</Label>
              <NativeSelect id="add-role" name="role" defaultValue="EDITOR">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="add-password">Password (optional)</Label>
              <Input
                id="add-password"
                name="password"
                type="password"
                autoComplete="new-password"
                aria-invalid={!!fieldErrors.password}
                aria-describedby="add-password-help add-password-error"
              />
              <p id="add-password-help" className="text-xs text-muted-foreground">
                Leave empty to generate one, shown once after saving.
              </p>
              <FieldError id="add-password-error" message={fieldErrors.password} />
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => reset(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? "Adding…" : "Add user"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
