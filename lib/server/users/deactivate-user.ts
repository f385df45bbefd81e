import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { setUserActive } from "./set-user-active";

/**
 * A workspace admin deactivates a member in this workspace: from the next request on, neither
 * their session nor their API tokens reach it (every access check requires an active
 * membership). Their account and other workspaces are untouched.
 */
export function deactivateUser(args: { actor: MaybeActor; workspaceId: string; userId: string }) {
  return setUserActive({ ...args, active: false });
}
