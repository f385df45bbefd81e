"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { acceptInvitationSchema, PASSWORD_MIN } from "@/lib/schemas/admin";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token, email, accountExists }: { token: string; email: string; accountExists: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? ""), password: String(form.get("password") ?? "") };
    const parsed = acceptInvitationSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    if (!accountExists && input.password !== form.get("confirm")) {
      setFieldErrors({ confirm: "The two passwords differ. Type the same password twice." });
      return;
    }
    setPending(true);
    setError(null);
    setFieldErrors({});
    const result = await acceptInvitationAction(token, input);
    if (!result.ok) {
      setPending(false);
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    const signedIn = await signIn("credentials", { email, password: input.password, redirect: false });
    if (!signedIn || signedIn.error) {
      setPending(false);
      setError("Your account is ready, but signing in failed. Sign in with your email and password.");
      return;
    }
    router.replace("/articles");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {error && <Alert variant="error">{error}</Alert>}
      {accountExists && <Alert>You already have a Factmark account: enter its password to join this workspace.</Alert>}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="invite-name">Your name</Label>
        <Input id="invite-name" name="name" autoComplete="name" aria-invalid={!!fieldErrors.name} aria-describedby="invite-name-error" autoFocus />
        {fieldErrors.name && <p id="invite-name-error" className="text-sm text-destructive">{fieldErrors.name}</p>}
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="invite-password">{accountExists ? "Your current password" : "Choose a password"}</Label>
        <Input
          id="invite-password"
          name="password"
          type="password"
          autoComplete={accountExists ? "current-password" : "new-password"}
          aria-invalid={!!fieldErrors.password}
          aria-describedby="invite-password-error"
        />
        {!accountExists && <p className="text-xs text-muted-foreground">At least {PASSWORD_MIN} characters.</p>}
        {fieldErrors.password && <p id="invite-password-error" className="text-sm text-destructive">{fieldErrors.password}</p>}
      </div>
      {!accountExists && (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="invite-confirm">Confirm password</Label>
          <Input id="invite-confirm" name="confirm" type="password" autoComplete="new-password" aria-invalid={!!fieldErrors.confirm} aria-describedby="invite-confirm-error" />
          {fieldErrors.confirm && <p id="invite-confirm-error" className="text-sm text-destructive">{fieldErrors.confirm}</p>}
        </div>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Joining…" : "Join and sign in"}
      </Button>
    </form>
  );
}
