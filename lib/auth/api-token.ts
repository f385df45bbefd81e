import { createHash, randomBytes } from "node:crypto";

// Personal API tokens: "fm_" + 43 base64url characters. Only the sha256 is stored.
export const TOKEN_PREFIX = "fm_";
const TOKEN_PATTERN = /^fm_[A-Za-z0-9_-]{43}$/;

export function generateApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashApiToken(token), prefix: token.slice(0, 10) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isWellFormedApiToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
