import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { isAppError } from "@/lib/errors";
import { getInvitationByToken, type InvitationView } from "@/lib/server/invitations/get-invitation";
import { AcceptInvitationForm } from "./accept-form";

export const metadata: Metadata = { title: "Accept invitation", robots: { index: false } };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let invitation: InvitationView | null = null;
  let problem: string | null = null;
  try {
    invitation = await getInvitationByToken(token);
  } catch (e) {
    if (!isAppError(e)) throw e;
    problem = e.message;
  }
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center justify-center gap-2">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" width={32} height={32} />
          <span className="text-xl font-semibold tracking-tight">Factmark</span>
        </div>
        {invitation ? (
          <Card>
            <CardHeader>
              <CardTitle>Join {invitation.workspaceName}</CardTitle>
              <CardDescription>
                {invitation.invitedBy} invited <span className="font-medium text-foreground">{invitation.email}</span> as{" "}
                {invitation.role.toLowerCase()}.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <AcceptInvitationForm token={token} email={invitation.email} accountExists={invitation.accountExists} />
            </CardContent>
          </Card>
        ) : (
          <Card>
            <CardHeader>
              <CardTitle>Invitation unavailable</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              <Alert variant="error">{problem}</Alert>
              <Link href="/sign-in" className="text-sm font-medium text-primary underline underline-offset-4">
                Go to sign in
              </Link>
            </CardContent>
          </Card>
        )}
      </div>
    </main>
  );
}
