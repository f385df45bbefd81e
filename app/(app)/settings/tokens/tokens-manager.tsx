"use client";

import { KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
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
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { createApiTokenSchema, TOKEN_EXPIRY_CHOICES, type ApiTokenSummary } from "@/lib/schemas/admin";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";
import { useDates } from "@/components/ui/dates";


function status(t: ApiTokenSummary): { label: string; variant: "success" | "danger" | "secondary" } {
  if (t.revokedAt) return { label: "Revoked", variant: "danger" };
  if (t.expiresAt && new Date(t.expiresAt) < new Date()) return { label: "Expired", variant: "secondary" };
  return { label: "Active", variant: "success" };
}

export function TokensManager({ tokens }: { tokens: ApiTokenSummary[] }) {
  const { dateTime } = useDates();
  const when = (iso: string | null) => (iso ? dateTime(iso) : "—");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  function onCreate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const days = String(form.get("expiresInDays") ?? "");
    const input = { name: String(form.get("name") ?? ""), expiresInDays: days ? Number(days) : null };
    const parsed = createApiTokenSchema.safeParse(input);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Check the form.");
      return;
    }
    startTransition(async () => {
      const result = await createApiTokenAction(input);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setCreated({ name: result.data.name, token: result.data.token });
      formElement.reset();
      router.refresh();
    });
  }

  function revoke(t: ApiTokenSummary) {
    startTransition(async () => {
      const result = await revokeApiTokenAction(t.id);
      if (result.ok) toast.success(`“${t.name}” has been revoked. Anything using it is now refused.`);
      else toast.error(result.error);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Create a token</CardTitle>
          <CardDescription>Name it after what will use it, so you know what breaks when you revoke it.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <form onSubmit={onCreate} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <div className="flex flex-1 flex-col gap-1.5">
              <Label htmlFor="token-name">Token name</Label>
              <Input id="token-name" name="name" placeholder="Newsroom CMS sync" maxLength={80} aria-invalid={!!error} aria-describedby="token-error" />
            </div>
            <div className="flex flex-col gap-1.5 sm:w-44">
              <Label htmlFor="token-expiry">Expires</Label>
              <NativeSelect id="token-expiry" name="expiresInDays" defaultValue="90">
                {TOKEN_EXPIRY_CHOICES.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <Button type="submit" disabled={pending}>
              <KeyRound aria-hidden /> {pending ? "Creating…" : "Create token"}
            </Button>
          </form>
          {error && (
            <Alert variant="error" id="token-error">
              {error}
            </Alert>
          )}
          {created && (
            <div className="flex flex-col gap-2 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="new-token">
              <p className="text-sm font-medium text-amber-900">
                Copy “{created.name}” now. It is shown only once: Factmark keeps only a fingerprint of it.
              </p>
              <CopyField value={created.token} label="API token" />
              <div>
                <Button variant="ghost" size="sm" onClick={() => setCreated(null)}>
                  I have copied it
                </Button>
              </div>
            </div>
          )}
        </CardContent>
      </Card>

      <section aria-labelledby="tokens-heading" className="flex flex-col gap-3">
        <h2 id="tokens-heading" className="text-lg font-semibold">Your tokens</h2>
        {tokens.length === 0 ? (
          <p className="rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-muted-foreground">You have no API tokens yet.</p>
        ) : (
          <div className="rounded-lg border border-border bg-card">
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead>Name</TableHead>
                  <TableHead>Token</TableHead>
                  <TableHead>Created</TableHead>
                  <TableHead>Last used</TableHead>
                  <TableHead>Expires</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead className="text-right">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {tokens.map((t) => {
                  const s = status(t);
                  return (
                    <TableRow key={t.id} data-testid={`token-row-${t.name}`}>
                      <TableCell className="font-medium">{t.name}</TableCell>
                      <TableCell>
                        <code className="text-xs text-muted-foreground">{t.prefix}…</code>
                      </TableCell>
                      <TableCell className="whitespace-nowrap text-muted-foreground">{when(t.createdAt)}</TableCell>
                      <TableCell className="whitespace-nowrap text-muted-foreground">{t.lastUsedAt ? when(t.lastUsedAt) : "Never"}</TableCell>
                      <TableCell className="whitespace-nowrap text-muted-foreground">{t.expiresAt ? when(t.expiresAt) : "Never"}</TableCell>
                      <TableCell>
                        <Badge variant={s.variant}>{s.label}</Badge>
                      </TableCell>
                      <TableCell className="text-right">
                        {!t.revokedAt && (
                          <AlertDialog>
                            <AlertDialogTrigger asChild>
                              <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" disabled={pending} aria-label={`Revoke ${t.name}`}>
                                Revoke
                              </Button>
                            </AlertDialogTrigger>
                            <AlertDialogContent>
                              <AlertDialogHeader>
                                <AlertDialogTitle>Revoke “{t.name}”?</AlertDialogTitle>
                                <AlertDialogDescription>
                                  Requests using this token are refused from now on. This cannot be undone; create a new token if you need one again.
                                </AlertDialogDescription>
                              </AlertDialogHeader>
                              <AlertDialogFooter>
                                <AlertDialogCancel>Cancel</AlertDialogCancel>
                                <AlertDialogAction destructive onClick={() => revoke(t)}>
                                  Revoke token
                                </AlertDialogAction>
                              </AlertDialogFooter>
                            </AlertDialogContent>
                          </AlertDialog>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </div>
  );
}
