// Shapes of the live-update stream, shared by the event log, the buses and the SSE routes.

/** Who may receive an event: ALL (readers too: never draft content) or EDITORS (editors and admins). */
export type LiveAudience = "ALL" | "EDITORS";

/** One committed change, as stored in LiveEvent and sent to clients. */
export interface LiveMessage {
  id: number;
  workspaceId: string;
  articleId: string | null;
  claimId: string | null;
  type: string;
  audience: LiveAudience;
  actorId: string | null;
  /** Small JSON object: ids, versions, the actor's name. Never article or claim content. */
  payload: Record<string, unknown>;
  createdAt: string;
}

/** Not an event: "re-check this user's access now" (a revoked session, a removed member). */
export interface AccessSignal {
  userId: string;
}

export interface LiveBusListener {
  event(message: LiveMessage): void;
  access(signal: AccessSignal): void;
  /** The bus may have missed events (its connection dropped): clients should reload. */
  gap(): void;
}

/** One per server process. PostgreSQL: LISTEN/NOTIFY; SQLite: in-process, nudged by writes. */
export interface LiveBus {
  readonly kind: "postgresql" | "sqlite";
  subscribe(listener: LiveBusListener): () => void;
  /** Resolves once events committed from now on will be delivered (LISTEN is active). */
  ready(): Promise<void>;
  /** Sends an access signal to every server (not stored, not replayed). */
  signalAccess(signal: AccessSignal): Promise<void>;
  /** SQLite: a write may have been committed, look now. PostgreSQL: no-op (NOTIFY does it). */
  nudge(): void;
  subscriberCount(): number;
  close(): Promise<void>;
}

export const LIVE_CHANNEL = "factmark_live";
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; past this only ids are sent. */
export const NOTIFY_MAX_BYTES = 7000;
