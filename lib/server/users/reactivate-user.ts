import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { setUserActive } from "./set-user-active";

/** A workspace admin gives a deactivated member access to this workspace again. */
export function reactivateUser(args: { actor: MaybeActor; workspaceId: string; userId: string }) {
  return setUserActive({ ...args, active: true });
}
