import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Checks shared by create and update: the verdict is a live key of the workspace scale and
// the assignee is a member of the workspace.

export async function assertVerdictKey(tx: Tx, workspaceId: string, key: string): Promise<void> {
  const verdicts = await tx.verdict.findMany({
    where: { scale: { workspaceId }, archived: false },
    select: { key: true },
    orderBy: { order: "asc" },
  });
  if (!verdicts.some((v) => v.key === key)) {
    throw new AppError(
      "UNPROCESSABLE",
      `"${key}" is not a verdict of this workspace's scale. Use one of: ${verdicts.map((v) => v.key).join(", ")} (GET /api/v1/scale lists them).`,
    );
  }
}

export async function assertAssignee(tx: Tx, workspaceId: string, userId: string): Promise<void> {
  const member = await tx.membership.findFirst({ where: { workspaceId, userId, active: true, user: { active: true } } });
  if (!member) throw new AppError("UNPROCESSABLE", "The assignee must be an active member of this workspace.");
}
