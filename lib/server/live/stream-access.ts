import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Role } from "@/lib/schemas/enums";
import { readableArticleWhere } from "@/lib/server/access";
import type { LiveMessage } from "./live-types";

export type StreamScope = { kind: "article"; articleId: string } | { kind: "workspace"; workspaceId?: string };

/** What one stream may see: the actor's role per workspace in scope (readers: published-only events). */
export interface StreamAccess {
  roles: Map<string, Role>;
  articleId: string | null;
}

/**
 * Loads (and, on every heartbeat and access signal, re-loads) what a stream may see. An
 * article the actor may not read, or a workspace they don't belong to, is NOT_FOUND.
 */
export async function loadStreamAccess(actor: Actor, scope: StreamScope): Promise<StreamAccess> {
  let workspaceId: string | undefined;
  if (scope.kind === "article") {
    const article = await db.article.findFirst({ where: { id: scope.articleId, ...readableArticleWhere(actor) }, select: { workspaceId: true } });
    if (!article) throw notFound("Article");
    workspaceId = article.workspaceId;
  } else {
    workspaceId = scope.workspaceId;
  }
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId, active: true, user: { active: true }, ...(workspaceId ? { workspaceId } : {}) },
    select: { workspaceId: true, role: true },
  });
  if (workspaceId && memberships.length === 0) throw notFound("Workspace");
  return { roles: new Map(memberships.map((m) => [m.workspaceId, m.role as Role])), articleId: scope.kind === "article" ? scope.articleId : null };
}

/** Whether a stream with this access receives the event. Readers get ALL-audience events only. */
export function canSee(access: StreamAccess, e: Pick<LiveMessage, "workspaceId" | "articleId" | "audience">): boolean {
  const role = access.roles.get(e.workspaceId);
  if (!role) return false;
  if (access.articleId && e.articleId !== access.articleId) return false;
  return e.audience === "ALL" || role !== "READER";
}

/** The Prisma filter matching canSee, for replays from the table. */
export function visibleEventsWhere(access: StreamAccess) {
  const editorOf = [...access.roles].filter(([, r]) => r !== "READER").map(([w]) => w);
  const readerOf = [...access.roles].filter(([, r]) => r === "READER").map(([w]) => w);
  return {
    ...(access.articleId ? { articleId: access.articleId } : {}),
    OR: [{ workspaceId: { in: editorOf } }, { workspaceId: { in: readerOf }, audience: "ALL" }],
  };
}
