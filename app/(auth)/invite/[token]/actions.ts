"use server";

import type { AcceptInvitationInput } from "@/lib/schemas/admin";
import { acceptInvitation } from "@/lib/server/invitations/accept-invitation";
import { runAction } from "@/app/(app)/admin/action-result";

/** Public: the invitation token is the authorisation. The client signs in afterwards. */
export async function acceptInvitationAction(token: string, input: AcceptInvitationInput) {
  return runAction(async () => {
    const { email } = await acceptInvitation({ token, input });
    return { email };
  });
}
