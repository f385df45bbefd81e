import "server-only";
import type { LiveAudience, LiveMessage } from "./live-types";

interface LiveEventRow {
  id: number;
  workspaceId: string;
  articleId: string | null;
  claimId: string | null;
  type: string;
  audience: string;
  actorId: string | null;
  payload: string;
  createdAt: Date;
}

export function toLiveMessage(row: LiveEventRow): LiveMessage {
  let payload: Record<string, unknown> = {};
  try {
    payload = JSON.parse(row.payload) as Record<string, unknown>;
  } catch {
    // A malformed payload still tells the client what changed.
  }
  return { ...row, audience: row.audience as LiveAudience, payload, createdAt: row.createdAt.toISOString() };
}
