import "server-only";
import type { MaybeActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { createWorkspaceSchema, type CreateWorkspaceFormInput } from "@/lib/schemas/admin";
import { requireActor } from "@/lib/server/access";
import { createWorkspaceTx } from "./create-workspace";

/** A site administrator creates a workspace (with the default scale) and becomes its admin. */
export async function createWorkspaceAsAdmin({ actor: maybeActor, input: rawInput }: { actor: MaybeActor; input: CreateWorkspaceFormInput }) {
  const actor = requireActor(maybeActor);
  if (!actor.isSuperAdmin) throw forbidden("Only site administrators can create workspaces.");
  const input = createWorkspaceSchema.parse(rawInput);
  return db.$transaction(async (tx) => {
    if (await tx.workspace.findUnique({ where: { slug: input.slug } })) {
      throw new AppError("CONFLICT", `The slug “${input.slug}” is taken. Choose another one.`);
    }
    return createWorkspaceTx(tx, { ...input, organizationUrl: input.organizationUrl ?? null, ownerUserId: actor.userId });
  });
}
