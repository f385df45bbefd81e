import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/schemas/enums";

export interface MyWorkspace {
  id: string;
  name: string;
  slug: string;
  role: Role;
  /** BCP 47 locale every date in the workspace is written in. */
  locale: string;
}

/** The workspaces the actor is an active member of, oldest membership first. */
export async function listMyWorkspaces({ actor }: { actor: Actor }): Promise<MyWorkspace[]> {
  // Raw SQL, named columns: every page's layout runs this (Prisma compiled the include each time).
  return db.$queryRaw<MyWorkspace[]>(Prisma.sql`SELECT w."id", w."name", w."slug", m."role", w."locale"
    FROM "Membership" m JOIN "Workspace" w ON w."id" = m."workspaceId"
    WHERE m."userId" = ${actor.userId} AND m."active" = true ORDER BY m."createdAt", m."id"`);
}
