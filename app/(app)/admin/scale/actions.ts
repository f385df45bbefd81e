"use server";

import { revalidatePath } from "next/cache";
import { getSessionActor } from "@/lib/auth/session";
import type { UpdateRatingScaleInput } from "@/lib/schemas/admin";
import { updateRatingScale } from "@/lib/server/scales/update-rating-scale";
import { runAction } from "../action-result";

export async function updateRatingScaleAction(workspaceId: string, input: UpdateRatingScaleInput) {
  const result = await runAction(async () => updateRatingScale({ actor: await getSessionActor(), workspaceId, input }));
  // Verdict colours and labels show on every article page.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
