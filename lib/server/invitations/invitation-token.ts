import "server-only";
import { createHash, randomBytes } from "node:crypto";

// Invitation links carry a random token; only its sha256 is stored, so a database leak
// does not hand out usable links.
export const INVITATION_TTL_DAYS = 7;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isWellFormedInvitationToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function invitationPath(token: string): string {
  return `/invite/${token}`;
}
