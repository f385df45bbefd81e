import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emailSchema, type CreateApiTokenInput } from "@/lib/schemas/admin";
import { insertApiTokenTx, type CreatedApiToken } from "./create-api-token";
import { revokeApiTokenTx } from "./revoke-api-token";

// SYSTEM operations for the command line (`npm run cli -- token ...`), run by an operator with
// shell access to the server: no acting user, so no access check. Never call them from a page
// or a route handler; those use createApiToken / revokeApiToken with the actor.

/** Creates a token for the account with this email (which must exist and be active). */
export async function systemCreateApiTokenForEmail(email: string, input: CreateApiTokenInput): Promise<CreatedApiToken & { email: string }> {
  const address = emailSchema.parse(email);
  const user = await db.user.findUnique({ where: { email: address } });
  if (!user) throw new AppError("NOT_FOUND", `No account uses ${address}. Create it first: npm run cli -- user create --email ${address} ...`);
  if (!user.active) throw new AppError("CONFLICT", `${address} is deactivated; its tokens would not work. Reactivate the account first.`);
  const created = await db.$transaction((tx) => insertApiTokenTx(tx, user.id, null, input));
  return { ...created, email: address };
}

/** Revokes any token by id. */
export async function systemRevokeApiToken(tokenId: string) {
  return db.$transaction((tx) => revokeApiTokenTx(tx, { id: tokenId }, null));
}
