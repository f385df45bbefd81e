import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { setUserActive } from "./set-user-active";

/** A workspace admin lets a deactivated member sign in again (their unrevoked tokens work again too). */
export function reactivateUser(args: { actor: MaybeActor; workspaceId: string; userId: string }) {
  return setUserActive({ ...args, active: true });
}
