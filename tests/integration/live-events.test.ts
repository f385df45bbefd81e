import { afterAll, describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { db } from "@/lib/db";
import { databaseProvider } from "@/lib/db/provider";
import { createClaim } from "@/lib/server/claims/create-claim";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { restoreClaim } from "@/lib/server/claims/restore-claim";
import { addComment } from "@/lib/server/comments/add-comment";
import { openEventStream } from "@/lib/server/live/event-stream";
import { closeLiveBus } from "@/lib/server/live/live-bus";
import type { LiveMessage } from "@/lib/server/live/live-types";
import { PgLiveBus } from "@/lib/server/live/pg-live-bus";
import { recordEvent } from "@/lib/server/live/record-event";
import { latestEventId } from "@/lib/server/live/replay-events";
import { publishArticle } from "@/lib/server/publishing/publish-article";
import { removeMember } from "@/lib/server/members/remove-member";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { resolveApiToken } from "@/lib/server/tokens/resolve-api-token";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";
import { readSse } from "./live-stream-reader";

const TEXT = ["Crime doubled last year, the mayor said.", "Unemployment fell to 3 percent in May."];
const live = () => Promise.resolve(true);

async function setup(status: "DRAFT" | "PUBLISHED" = "DRAFT") {
  const ws = await createWorkspaceWithMembers();
  const article = await createArticleRow({ workspaceId: ws.workspace.id, createdById: ws.users.editor.id, paragraphs: TEXT, status });
  const claimOn = (start: number, end: number, statement?: string) => {
    const { quote, position } = describeRange(TEXT.join("\n\n"), { start, end });
    return createClaim({ actor: ws.actors.editor, articleId: article.id, input: { target: { selector: [quote, position] }, statement } });
  };
  return { ...ws, article, claimOn };
}

afterAll(async () => {
  await closeLiveBus();
});

describe("live event stream", () => {
  it("an editor's article stream carries claim and comment events in order, ids only", async () => {
    const s = await setup();
    const stream = readSse(await openEventStream({ actor: s.actors.editor2, scope: { kind: "article", articleId: s.article.id }, lastEventId: null, isCredentialLive: live }));
    const claim = await s.claimOn(0, 13, "Secret draft statement");
    const updated = await updateClaim({ actor: s.actors.editor, claimId: claim.id, version: claim.version, patch: { claimant: "Mayor" } });
    await addComment({ actor: s.actors.editor, claimId: claim.id, input: { body: "Check the police data" } });
    await deleteClaim({ actor: s.actors.editor, claimId: claim.id });
    await restoreClaim({ actor: s.actors.editor, claimId: claim.id });
    await stream.until(() => stream.types().length >= 5);
    expect(stream.types()).toEqual(["claim.created", "claim.updated", "comment.created", "claim.deleted", "claim.restored"]);
    const first = stream.frames.find((f) => f.data?.type === "claim.updated")!;
    expect(first.data).toMatchObject({ claimId: claim.id, articleId: s.article.id, actorId: s.users.editor.id, version: updated.version });
    expect(Number(first.id)).toBeGreaterThan(0);
    expect(JSON.stringify(stream.frames)).not.toContain("Secret draft");
    await stream.cancel();
  });

  it("a reader's stream never carries draft work: only the publication is announced", async () => {
    const s = await setup("PUBLISHED");
    const reader = readSse(await openEventStream({ actor: s.actors.reader, scope: { kind: "article", articleId: s.article.id }, lastEventId: null, isCredentialLive: live }));
    const editor = readSse(await openEventStream({ actor: s.actors.editor2, scope: { kind: "workspace" }, lastEventId: null, isCredentialLive: live }));
    const claim = await s.claimOn(0, 13, "Draft only for editors");
    await addComment({ actor: s.actors.editor, claimId: claim.id, input: { body: "internal note" } });
    await publishArticle({ actor: s.actors.editor, articleId: s.article.id }).catch(() => undefined);
    await editor.until(() => editor.types().includes("comment.created"));
    // Announce one event readers may see, then check nothing else reached them.
    await db.$transaction((tx) => recordEvent(tx, { workspaceId: s.workspace.id, articleId: s.article.id, type: "article.published", audience: "ALL", payload: { publication: 9 } }));
    await reader.until(() => reader.types().includes("article.published"));
    expect(reader.types()).toEqual(["article.published"]);
    expect(JSON.stringify(reader.frames)).not.toMatch(/Draft only|internal note|claim\./);
    await reader.cancel();
    await editor.cancel();
  });

  it("replays what a reconnecting client missed from Last-Event-ID, and hints reload when it is gone", async () => {
    const s = await setup();
    const before = await latestEventId();
    const a = await s.claimOn(0, 13);
    const b = await s.claimOn(44, 56);
    const replay = readSse(await openEventStream({ actor: s.actors.editor2, scope: { kind: "article", articleId: s.article.id }, lastEventId: before, isCredentialLive: live }));
    await replay.until(() => replay.types().length >= 2);
    expect(replay.frames.filter((f) => f.data?.type).map((f) => f.data!.claimId)).toEqual([a.id, b.id]);
    await replay.cancel();

    // An event pruned from the table (past retention): the client can't catch up event by event.
    const pruned = await db.$transaction((tx) => recordEvent(tx, { workspaceId: s.workspace.id, articleId: s.article.id, type: "test.old" }));
    await db.liveEvent.delete({ where: { id: pruned } });
    const gone = readSse(await openEventStream({ actor: s.actors.editor2, scope: { kind: "article", articleId: s.article.id }, lastEventId: pruned, isCredentialLive: live }));
    await gone.until(() => gone.frames.some((f) => f.event === "reload"));
    await gone.cancel();
  });

  it("outsiders are refused; a removed member's stream ends at once", async () => {
    const s = await setup();
    await expect(openEventStream({ actor: s.actors.outsider, scope: { kind: "article", articleId: s.article.id }, lastEventId: null, isCredentialLive: live })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openEventStream({ actor: null, scope: { kind: "workspace" }, lastEventId: null, isCredentialLive: live })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const stream = readSse(await openEventStream({ actor: s.actors.editor2, scope: { kind: "article", articleId: s.article.id }, lastEventId: null, isCredentialLive: live }));
    await removeMember({ actor: s.actors.admin, workspaceId: s.workspace.id, userId: s.users.editor2.id });
    await stream.until(() => stream.ended);
    expect(stream.frames.at(-1)).toMatchObject({ event: "end", data: { reason: "no-access" } });
  });

  it("a stream opened with an API token ends at once when the token is revoked", async () => {
    const s = await setup();
    const { token, id } = await createApiToken({ actor: s.actors.editor2, input: { name: "live" } });
    const isCredentialLive = () => resolveApiToken(token).then(() => true, () => false);
    const stream = readSse(await openEventStream({ actor: s.actors.editor2, scope: { kind: "workspace" }, lastEventId: null, isCredentialLive }));
    await revokeApiToken({ actor: s.actors.editor2, tokenId: id });
    await stream.until(() => stream.ended);
    expect(stream.frames.at(-1)).toMatchObject({ event: "end", data: { reason: "signed-out" } });
  });

  it("a client that never reads is dropped instead of buffered without bound", async () => {
    const s = await setup();
    process.env.LIVE_MAX_BUFFER_BYTES = "2048";
    const { env } = await import("@/lib/env");
    const saved = env().LIVE_MAX_BUFFER_BYTES;
    Object.assign(env(), { LIVE_MAX_BUFFER_BYTES: 2048 });
    try {
      const stream = await openEventStream({ actor: s.actors.editor2, scope: { kind: "article", articleId: s.article.id }, lastEventId: null, isCredentialLive: live });
      for (let i = 0; i < 30; i++) await db.$transaction((tx) => recordEvent(tx, { workspaceId: s.workspace.id, articleId: s.article.id, type: "test.filler", payload: { pad: "x".repeat(200) } }));
      const reader = stream.getReader();
      // The queue was errored, not grown: reading fails once the buffer overflowed.
      await expect((async () => { for (;;) { const { done } = await reader.read(); if (done) return "done"; } })()).rejects.toThrow(/not reading/);
    } finally {
      Object.assign(env(), { LIVE_MAX_BUFFER_BYTES: saved });
    }
  });
});

describe.runIf(databaseProvider() === "postgresql")("PostgreSQL fan-out", () => {
  const collect = (bus: PgLiveBus) => {
    const got: LiveMessage[] = [];
    bus.subscribe({ event: (e) => got.push(e), access: () => undefined, gap: () => undefined });
    return got;
  };

  it("an event committed on one connection reaches the LISTEN connection of every other server; a rollback announces nothing", async () => {
    const s = await setup();
    const server1 = new PgLiveBus(process.env.DATABASE_URL);
    const server2 = new PgLiveBus(process.env.DATABASE_URL);
    try {
      const [got1, got2] = [collect(server1), collect(server2)];
      await Promise.all([server1.ready(), server2.ready()]);
      await db
        .$transaction(async (tx) => {
          await recordEvent(tx, { workspaceId: s.workspace.id, articleId: s.article.id, type: "test.rolled-back" });
          throw new Error("roll back");
        })
        .catch(() => undefined);
      const claim = await s.claimOn(0, 13);
      const until = async (pred: () => boolean) => {
        for (let i = 0; i < 250 && !pred(); i++) await new Promise((r) => setTimeout(r, 20));
      };
      await until(() => got1.length > 0 && got2.length > 0);
      for (const got of [got1, got2]) {
        expect(got.map((e) => e.type)).toEqual(["claim.created"]);
        expect(got[0]).toMatchObject({ claimId: claim.id, workspaceId: s.workspace.id, audience: "EDITORS" });
      }
      expect(await db.liveEvent.count({ where: { type: "test.rolled-back" } })).toBe(0);
    } finally {
      await server1.close();
      await server2.close();
    }
  });

  it("a payload too big for NOTIFY is sent as its id and read back from the table", async () => {
    const s = await setup();
    const server = new PgLiveBus(process.env.DATABASE_URL);
    try {
      const got = collect(server);
      await server.ready();
      await db.$transaction((tx) => recordEvent(tx, { workspaceId: s.workspace.id, type: "test.big", payload: { pad: "y".repeat(9000) } }));
      for (let i = 0; i < 250 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(got[0]).toMatchObject({ type: "test.big", payload: { pad: "y".repeat(9000) } });
    } finally {
      await server.close();
    }
  });

  it("after the LISTEN connection is killed, the bus reconnects and tells its streams to reload", async () => {
    const server = new PgLiveBus(process.env.DATABASE_URL);
    try {
      let gaps = 0;
      server.subscribe({ event: () => undefined, access: () => undefined, gap: () => gaps++ });
      await server.ready();
      await db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'factmark-live' AND datname = current_database() AND pid <> pg_backend_pid()`;
      for (let i = 0; i < 300 && gaps === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(gaps).toBe(1);
    } finally {
      await server.close();
    }
  });
});
