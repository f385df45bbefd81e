import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as AUTH_POST } from "@/app/api/auth/[...nextauth]/route";
import { POST as PREVIEW } from "@/app/api/v1/articles/preview/route";
import { POST as CREATE_CLAIM } from "@/app/api/v1/articles/[id]/claims/route";
import { POST as COMMENT } from "@/app/api/v1/claims/[id]/comments/route";
import { PATCH as PATCH_CLAIM } from "@/app/api/v1/claims/[id]/route";
import { POST as MENTIONS_READ } from "@/app/api/v1/mentions/read/route";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/server/claims/create-claim";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { createArticleRow, createWorkspaceWithMembers } from "./factories";

// Regression tests for the request-level holes of issue 10: unbounded bodies, forged
// same-site writes, lone surrogates and unguarded multipart parsing. Every refusal carries the
// usual { error: { code, message } } shape.

type World = Awaited<ReturnType<typeof createWorkspaceWithMembers>>;
let w: World;
let token: string;
let articleId: string;
let claimId: string;

const ORIGIN = "http://localhost:3000";
const SESSION = "next-auth.session-token=whatever";
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

function req(url: string, init: { method?: string; body?: BodyInit | ReadableStream; headers?: Record<string, string> } = {}) {
  return new NextRequest(new URL(url, ORIGIN), {
    method: init.method ?? "POST",
    body: init.body as BodyInit,
    headers: init.headers,
    // Streams need half-duplex; harmless for other bodies.
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
}

async function expectError(res: Response, status: number, code: string, message?: RegExp) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  if (message) expect(body.error.message).toMatch(message);
  return body;
}

/** A chunked body of `total` bytes with no Content-Length; counts how much the server pulled. */
function chunkedBody(total: number, chunk = 64 * 1024) {
  const state = { pulled: 0 };
  const piece = new Uint8Array(chunk).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += chunk;
      controller.enqueue(piece);
    },
  });
  return { stream, state };
}

beforeAll(async () => {
  w = await createWorkspaceWithMembers();
  token = (await createApiToken({ actor: w.actors.editor, input: { name: "guards" } })).token;
  const article = await createArticleRow({ workspaceId: w.workspace.id, createdById: w.users.editor.id });
  articleId = article.id;
  const claim = await createClaim({
    actor: w.actors.editor,
    articleId,
    input: { target: { selector: [{ type: "TextQuoteSelector", exact: "Crimea" }] }, statement: "Crimea" },
  });
  claimId = claim.id;
});

describe("request body caps", () => {
  it("refuses a declared oversized JSON body with 413 before reading it", async () => {
    const res = await COMMENT(
      req(`/api/v1/claims/${claimId}/comments`, {
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": String(50 * 1024 * 1024) },
        body: "{}",
      }),
      idParams(claimId),
    );
    await expectError(res, 413, "PAYLOAD_TOO_LARGE", /at most 1 MB/);
  });

  it("counts a chunked JSON body while it streams and stops reading at the cap", async () => {
    const { stream, state } = chunkedBody(50 * 1024 * 1024);
    const res = await COMMENT(
      req(`/api/v1/claims/${claimId}/comments`, { headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: stream }),
      idParams(claimId),
    );
    await expectError(res, 413, "PAYLOAD_TOO_LARGE", /Send less at once/);
    expect(state.pulled).toBeLessThan(3 * 1024 * 1024);
    expect(await db.comment.count({ where: { claimId } })).toBe(0);
  });

  it("counts a chunked upload against the import limit", async () => {
    const { stream, state } = chunkedBody(60 * 1024 * 1024);
    const res = await PREVIEW(
      req("/api/v1/articles/preview", {
        headers: { authorization: `Bearer ${token}`, "content-type": "multipart/form-data; boundary=x" },
        body: stream,
      }),
      { params: Promise.resolve({}) } as { params: Promise<Record<string, never>> },
    );
    await expectError(res, 413, "PAYLOAD_TOO_LARGE");
    expect(state.pulled).toBeLessThan(15 * 1024 * 1024);
  });

  it("caps the sign-in endpoint's body too", async () => {
    const { stream } = chunkedBody(5 * 1024 * 1024);
    const res = await AUTH_POST(
      req("/api/auth/callback/credentials", { headers: { "content-type": "application/x-www-form-urlencoded" }, body: stream }),
      { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
    );
    await expectError(res, 413, "PAYLOAD_TOO_LARGE");
  });
});

describe("forged cookie-authenticated writes", () => {
  const comment = (headers: Record<string, string>, body = JSON.stringify({ body: "forged" })) =>
    COMMENT(req(`/api/v1/claims/${claimId}/comments`, { headers: { host: "localhost:3000", cookie: SESSION, ...headers }, body }), idParams(claimId));

  it("refuses a write from another origin of the same host (another port)", async () => {
    await expectError(await comment({ origin: "http://localhost:4000", "content-type": "application/json" }), 403, "FORBIDDEN", /another site.*API token/);
  });

  it("refuses a cookie write with no Origin and no Sec-Fetch-Site", async () => {
    await expectError(await comment({ "content-type": "application/json" }), 403, "FORBIDDEN", /Origin header/);
    await expectError(await comment({ "sec-fetch-site": "same-site", "content-type": "application/json" }), 403, "FORBIDDEN");
    await expectError(await comment({ origin: "null", "content-type": "application/json" }), 403, "FORBIDDEN");
  });

  it("refuses form and text/plain bodies even from our own origin", async () => {
    await expectError(await comment({ origin: ORIGIN, "content-type": "text/plain" }), 415, "UNSUPPORTED_MEDIA_TYPE", /application\/json/);
    await expectError(await comment({ origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" }, "body=forged"), 415, "UNSUPPORTED_MEDIA_TYPE");
    // A string body without an explicit type goes out as text/plain.
    await expectError(await comment({ origin: ORIGIN }, "{}"), 415, "UNSUPPORTED_MEDIA_TYPE", /not text\/plain/);
  });

  it("lets our own origin through to authentication (the fake cookie then fails as unauthenticated)", async () => {
    const res = await comment({ origin: ORIGIN, "content-type": "application/json" }).catch((e: unknown) => e);
    // getServerSession needs Next's request scope, absent here: reaching it proves the guard passed.
    if (res instanceof Response) expect(res.status).not.toBe(403);
    expect(await db.comment.count({ where: { claimId, body: "forged" } })).toBe(0);
  });

  it("exempts bearer-token requests from the Origin check", async () => {
    const res = await COMMENT(
      req(`/api/v1/claims/${claimId}/comments`, {
        headers: { authorization: `Bearer ${token}`, origin: "http://elsewhere.example", "content-type": "application/json" },
        body: JSON.stringify({ body: "from a script" }),
      }),
      idParams(claimId),
    );
    expect(res.status).toBe(201);
  });
});

describe("strings that are not Unicode text", () => {
  it("answers 400 naming the field for a lone surrogate in a JSON body", async () => {
    const res = await COMMENT(
      req(`/api/v1/claims/${claimId}/comments`, {
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: '{"body":"broken \\ud800 text"}',
      }),
      idParams(claimId),
    );
    await expectError(res, 400, "VALIDATION_ERROR", /^body: contains an unpaired UTF-16 surrogate/);
  });

  it("finds it anywhere in the body, keys included", async () => {
    const res = await CREATE_CLAIM(
      req(`/api/v1/articles/${articleId}/claims`, {
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: '{"target":{"selector":[{"type":"TextQuoteSelector","exact":"Crimea","prefix":"\\udc00"}]}}',
      }),
      idParams(articleId),
    );
    await expectError(res, 400, "VALIDATION_ERROR", /target\.selector\.0\.prefix/);
  });

  it("refuses it at the database layer too, whatever path the string took", async () => {
    const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
    await expect(db.claim.update({ where: { id: claimId }, data: { statement: "x\ud800" } })).rejects.toMatchObject({
      code: "VALIDATION_ERROR",
      message: expect.stringMatching(/^statement: contains an unpaired/),
    });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).statement).toBe(claim.statement);
  });

  it("answers 400 for a NUL character, in filters too (PostgreSQL refused it with a 500)", async () => {
    const res = await MENTIONS_READ(
      req("/api/v1/mentions/read", {
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: '{"ids":["a\\u0000b"]}',
      }),
      { params: Promise.resolve({}) },
    );
    await expectError(res, 400, "VALIDATION_ERROR", /contains a NUL character/);
    await expect(db.claim.findFirst({ where: { statement: "x\u0000" } })).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
    await expect(db.claim.update({ where: { id: claimId }, data: { claimant: "nul\u0000" } })).rejects.toMatchObject({
      code: "VALIDATION_ERROR",
      message: expect.stringMatching(/^claimant: contains a NUL character/),
    });
  });

  it("answers 400 for a body that is not UTF-8", async () => {
    const res = await PATCH_CLAIM(
      req(`/api/v1/claims/${claimId}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: new Uint8Array([0x7b, 0x22, 0x73, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      }),
      idParams(claimId),
    );
    await expectError(res, 400, "BAD_REQUEST", /not valid UTF-8/);
  });

  it("answers 400 for deeply nested JSON instead of overflowing the stack", async () => {
    const res = await PATCH_CLAIM(
      req(`/api/v1/claims/${claimId}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: `{"statement":${"[".repeat(200_000)}${"]".repeat(200_000)},"version":1}`,
      }),
      idParams(claimId),
    );
    await expectError(res, 400, "VALIDATION_ERROR");
  });
});

describe("multipart fields", () => {
  const preview = (form: FormData) =>
    PREVIEW(req("/api/v1/articles/preview", { headers: { authorization: `Bearer ${token}` }, body: form }), {
      params: Promise.resolve({}),
    } as { params: Promise<Record<string, never>> });
  const withFile = () => {
    const form = new FormData();
    form.set("file", new File(["A short article about the council budget vote."], "story.txt", { type: "text/plain" }));
    form.set("workspace", w.workspace.id);
    return form;
  };

  it("answers 400 for a malformed `restore` instead of throwing", async () => {
    const form = withFile();
    form.set("restore", "[1, 2");
    await expectError(await preview(form), 400, "VALIDATION_ERROR", /JSON array like \[1, 4\]/);
  });

  it("answers 400 when a text field arrives as a file", async () => {
    const form = withFile();
    form.set("title", new File(["x"], "title.txt"));
    await expectError(await preview(form), 400, "VALIDATION_ERROR", /title: send it as a text field/);
  });

  it("answers 400 for a body that is not multipart at all", async () => {
    const res = await PREVIEW(
      req("/api/v1/articles/preview", { headers: { authorization: `Bearer ${token}`, "content-type": "multipart/form-data; boundary=zzz" }, body: "garbage" }),
      { params: Promise.resolve({}) } as { params: Promise<Record<string, never>> },
    );
    await expectError(res, 400, "BAD_REQUEST", /multipart/);
  });
});
