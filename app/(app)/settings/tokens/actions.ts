"use server";

import { revalidatePath } from "next/cache";
import { getSessionActor } from "@/lib/auth/session";
import type { CreateApiTokenInput } from "@/lib/schemas/admin";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";
import { runAction } from "../../admin/action-result";

export async function createApiTokenAction(input: CreateApiTokenInput) {
  const result = await runAction(async () => createApiToken({ actor: await getSessionActor(), input }));
  if (result.ok) revalidatePath("/settings/tokens");
  return result;
}

export async function revokeApiTokenAction(tokenId: string) {
  const result = await runAction(async () => revokeApiToken({ actor: await getSessionActor(), tokenId }));
  if (result.ok) revalidatePath("/settings/tokens");
  return result;
}
