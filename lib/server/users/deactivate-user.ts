import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { setUserActive } from "./set-user-active";

/**
 * A workspace admin deactivates a member: they can no longer sign in, their session is refused
 * on the next request (loadActor requires an active user) and their API tokens stop working.
 */
export function deactivateUser(args: { actor: MaybeActor; workspaceId: string; userId: string }) {
  return setUserActive({ ...args, active: false });
}
