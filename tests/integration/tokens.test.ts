import { describe, expect, it } from "vitest";
import { hashApiToken } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";
import { resolveApiToken } from "@/lib/server/tokens/resolve-api-token";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";
import { systemCreateApiTokenForEmail, systemRevokeApiToken } from "@/lib/server/tokens/system-api-tokens";
import { actorOf, createUser } from "./factories";

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected a failure");
}

describe("personal API tokens", () => {
  it("a created token is shown once, stored only as a hash, and resolves to its owner", async () => {
    const user = await createUser();
    const created = await createApiToken({ actor: actorOf(user), input: { name: "CMS sync" } });
    expect(created.token).toMatch(/^fm_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 10));
    expect(created.expiresAt).toBeNull();
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    await expect(resolveApiToken(created.token)).resolves.toMatchObject({ userId: user.id, email: user.email });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();
    const listed = await listApiTokens({ actor: actorOf(user) });
    expect(listed).toEqual([expect.objectContaining({ id: created.id, name: "CMS sync", prefix: created.prefix, revokedAt: null })]);
    expect(listed[0]).not.toHaveProperty("token");
  });

  it("an expiry in days is stored; the name is required", async () => {
    const user = await createUser();
    const created = await createApiToken({ actor: actorOf(user), input: { name: "Short-lived", expiresInDays: 30 } });
    const days = (new Date(created.expiresAt!).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    await expect(createApiToken({ actor: actorOf(user), input: { name: "  " } })).rejects.toThrow(/Give the token a name/);
    await expect(createApiToken({ actor: null, input: { name: "x" } })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("malformed, unknown, revoked, expired and deactivated tokens are refused with clear messages", async () => {
    const user = await createUser();
    const actor = actorOf(user);
    expect(await failure(resolveApiToken("abc"))).toMatchObject({ code: "UNAUTHORIZED", message: expect.stringMatching(/malformed/) });
    expect(await failure(resolveApiToken(`fm_${"A".repeat(43)}`))).toMatchObject({ code: "UNAUTHORIZED", message: expect.stringMatching(/not recognised/) });

    const revoked = await createApiToken({ actor, input: { name: "to revoke" } });
    await revokeApiToken({ actor, tokenId: revoked.id });
    expect(await failure(resolveApiToken(revoked.token))).toMatchObject({ code: "UNAUTHORIZED", message: expect.stringMatching(/revoked/) });

    const expired = await createApiToken({ actor, input: { name: "to expire", expiresInDays: 1 } });
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await failure(resolveApiToken(expired.token))).toMatchObject({ code: "UNAUTHORIZED", message: expect.stringMatching(/expired/) });

    const live = await createApiToken({ actor, input: { name: "owner deactivated" } });
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await failure(resolveApiToken(live.token))).toMatchObject({ code: "UNAUTHORIZED", message: expect.stringMatching(/deactivated/) });
  });

  it("a user cannot see or revoke someone else's token (not found)", async () => {
    const [owner, other] = await Promise.all([createUser(), createUser()]);
    const created = await createApiToken({ actor: actorOf(owner), input: { name: "mine" } });
    expect(await listApiTokens({ actor: actorOf(other) })).toEqual([]);
    expect(await failure(revokeApiToken({ actor: actorOf(other), tokenId: created.id }))).toMatchObject({ code: "NOT_FOUND" });
    await expect(resolveApiToken(created.token)).resolves.toMatchObject({ userId: owner.id });
  });

  it("revoking writes an audit row and is idempotent", async () => {
    const user = await createUser();
    const created = await createApiToken({ actor: actorOf(user), input: { name: "audit" } });
    const first = await revokeApiToken({ actor: actorOf(user), tokenId: created.id });
    const second = await revokeApiToken({ actor: actorOf(user), tokenId: created.id });
    expect(second.revokedAt).toBe(first.revokedAt);
    const events = await db.auditEvent.findMany({ where: { entityType: "ApiToken", entityId: created.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["token.create", "token.revoke"]);
  });

  it("the CLI's system functions create a token for an email and revoke by id", async () => {
    const user = await createUser();
    const created = await systemCreateApiTokenForEmail(user.email.toUpperCase(), { name: "cli" });
    await expect(resolveApiToken(created.token)).resolves.toMatchObject({ userId: user.id });
    await systemRevokeApiToken(created.id);
    await expect(resolveApiToken(created.token)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(systemCreateApiTokenForEmail("nobody-at-all@example.test", { name: "x" })).rejects.toThrow(/No account uses/);
  });
});
