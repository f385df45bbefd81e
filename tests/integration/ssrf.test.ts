import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { blockedAddressReason } from "@/lib/server/articles/address-policy";

// URL import must never reach this host, the internal network or cloud metadata. A real server
// on 127.0.0.1 stands in for an internal service: refused without the test-only allowance,
// fetched with it (and the allowance is ignored outside NODE_ENV=test / FACTMARK_E2E=1).

let server: http.Server;
let port: number;
const ARTICLE = "<html lang='en'><head><title>Local Story</title></head><body><article><h1>Local Story</h1><p>" + "A sentence of the story. ".repeat(40) + "</p></article></body></html>";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    switch (url.pathname) {
      case "/article":
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return res.end(ARTICLE);
      case "/plain":
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
        return res.end("Plain headline here\n\nPlain story text.");
      case "/redirect":
        res.writeHead(302, { location: "/article" });
        return res.end();
      case "/redirect-private":
        res.writeHead(301, { location: "http://10.0.0.1/admin" });
        return res.end();
      case "/redirect-metadata":
        res.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/" });
        return res.end();
      case "/loop":
        res.writeHead(302, { location: `/loop?n=${Number(url.searchParams.get("n") ?? 0) + 1}` });
        return res.end();
      case "/json":
        res.writeHead(200, { "content-type": "application/json" });
        return res.end("{}");
      case "/big": {
        // No content-length: the cap must hold while streaming.
        res.writeHead(200, { "content-type": "text/html" });
        const chunk = "<p>" + "x".repeat(1000) + "</p>";
        let sent = 0;
        const write = () => {
          while (sent < 500 && res.write(chunk)) sent++;
          if (sent < 500) res.once("drain", write);
          else res.end();
        };
        res.on("error", () => undefined);
        return write();
      }
      case "/declared-big":
        res.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) });
        return res.end("<p>short</p>");
      case "/slow":
        return setTimeout(() => res.end("late"), 5000);
      default:
        res.writeHead(404, { "content-type": "text/html" });
        return res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  vi.unstubAllEnvs();
});

/** Imports the fetch module fresh, with the given environment (lib/env caches per module instance). */
async function loadFetch(envVars: Record<string, string | undefined>) {
  vi.unstubAllEnvs();
  for (const [k, v] of Object.entries(envVars)) vi.stubEnv(k, v);
  vi.resetModules();
  return import("@/lib/server/articles/fetch-article-url");
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(Error);
  expect((e as AppError).name).toBe("AppError");
  return e as AppError;
}

describe("address policy", () => {
  it.each([
    ["127.0.0.1", /loopback/],
    ["127.255.0.9", /loopback/],
    ["10.1.2.3", /private/],
    ["172.16.0.1", /private/],
    ["172.31.255.255", /private/],
    ["192.168.0.10", /private/],
    ["169.254.169.254", /cloud metadata/],
    ["169.254.1.1", /link-local/],
    ["100.64.0.1", /carrier-grade NAT/],
    ["0.0.0.0", /unspecified/],
    ["224.0.0.1", /multicast/],
    ["255.255.255.255", /reserved/],
    ["::1", /loopback/],
    ["::", /unspecified/],
    ["fd00:ec2::254", /cloud metadata/],
    ["fc00::1", /private/],
    ["fe80::1", /link-local/],
    ["ff02::1", /multicast/],
    ["::ffff:127.0.0.1", /loopback/],
    ["::ffff:7f00:1", /loopback/],
    ["::ffff:169.254.169.254", /cloud metadata/],
    ["64:ff9b::10.0.0.1", /private/],
    ["2002:c0a8:0101::1", /private/],
  ])("refuses %s", (address, reason) => {
    expect(blockedAddressReason(address)).toMatch(reason);
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"])("allows public %s", (address) => {
    expect(blockedAddressReason(address)).toBeNull();
  });
});

describe("fetchArticleUrl without the test allowance", () => {
  it("refuses the local server and every spelling of a local address", async () => {
    const { fetchArticleUrl } = await loadFetch({ NODE_ENV: "test", IMPORT_TEST_ALLOW_HOSTS: undefined });
    const spellings: Array<[string, RegExp]> = [
      [`http://127.0.0.1:${port}/article`, /loopback/],
      [`http://127.1:${port}/article`, /loopback/],
      [`http://2130706433:${port}/article`, /loopback/],
      [`http://0x7f000001:${port}/article`, /loopback/],
      [`http://0177.0.0.1:${port}/article`, /loopback/],
      [`http://[::1]:${port}/article`, /loopback/],
      [`http://[::ffff:127.0.0.1]:${port}/article`, /loopback/],
      [`http://localhost:${port}/article`, /local name/],
      [`http://LOCALHOST./article`, /local name/],
      ["http://169.254.169.254/latest/meta-data/", /cloud metadata/],
      ["http://[fd00:ec2::254]/latest/meta-data/", /cloud metadata/],
      ["http://10.0.0.1/", /private/],
      ["http://192.168.1.1/", /private/],
      ["http://[fc00::1]/", /private/],
      ["http://[fe80::1]/", /link-local/],
      ["http://0.0.0.0/", /unspecified/],
      ["http://100.64.0.1/", /carrier-grade/],
      ["http://[ff02::1]/", /multicast/],
    ];
    for (const [url, reason] of spellings) {
      const e = await refusal(fetchArticleUrl(url));
      expect(e.code, url).toBe("VALIDATION_ERROR");
      expect(e.message, url).toMatch(reason);
      expect(e.message, url).toMatch(/Only public web addresses/);
    }
  });

  it("refuses other schemes and credentials", async () => {
    const { fetchArticleUrl } = await loadFetch({ NODE_ENV: "test" });
    for (const url of ["ftp://example.com/a", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,<p>x</p>", "gopher://example.com/"]) {
      const e = await refusal(fetchArticleUrl(url));
      expect(e.message, url).toMatch(/Only http and https URLs/);
    }
    expect((await refusal(fetchArticleUrl("https://user:pw@example.com/"))).message).toMatch(/user name or password/);
    expect((await refusal(fetchArticleUrl("not a url"))).message).toMatch(/not a valid URL/);
  });

  it("checks the addresses DNS returns (the connection's own lookup)", async () => {
    const { guardedLookup } = await loadFetch({ NODE_ENV: "test" });
    const err = await new Promise<Error | null>((resolve) => guardedLookup("localhost", {}, (e) => resolve(e)));
    expect(err?.message).toMatch(/localhost resolves to a loopback address/);
  });

  it("ignores the allowance outside test mode", async () => {
    const { fetchArticleUrl } = await loadFetch({ NODE_ENV: "production", FACTMARK_E2E: undefined, IMPORT_TEST_ALLOW_HOSTS: `127.0.0.1:${port}` });
    const e = await refusal(fetchArticleUrl(`http://127.0.0.1:${port}/article`));
    expect(e.message).toMatch(/loopback/);
  });
});

describe("fetchArticleUrl with the test allowance", () => {
  const load = () => loadFetch({ NODE_ENV: "test", IMPORT_TEST_ALLOW_HOSTS: `127.0.0.1:${port}` });

  it("fetches the page", async () => {
    const { fetchArticleUrl } = await load();
    const page = await fetchArticleUrl(`http://127.0.0.1:${port}/article`);
    expect(page.kind).toBe("html");
    expect(page.body).toBe(ARTICLE);
  });

  it("allows only the listed host:port", async () => {
    const { fetchArticleUrl } = await load();
    const e = await refusal(fetchArticleUrl(`http://127.0.0.1:${port + 1}/article`));
    expect(e.message).toMatch(/loopback/);
  });

  it("follows redirects, re-checking each hop", async () => {
    const { fetchArticleUrl } = await load();
    const page = await fetchArticleUrl(`http://127.0.0.1:${port}/redirect`);
    expect(page.finalUrl).toBe(`http://127.0.0.1:${port}/article`);
    const toPrivate = await refusal(fetchArticleUrl(`http://127.0.0.1:${port}/redirect-private`));
    expect(toPrivate.message).toMatch(/redirects to http:\/\/10\.0\.0\.1\/admin: .*private/);
    const toMetadata = await refusal(fetchArticleUrl(`http://127.0.0.1:${port}/redirect-metadata`));
    expect(toMetadata.message).toMatch(/cloud metadata/);
    const loop = await refusal(fetchArticleUrl(`http://127.0.0.1:${port}/loop`));
    expect(loop.message).toMatch(/redirects more than 5 times/);
  });

  it("checks the content type, the size while streaming, the declared size and the time-out", async () => {
    const { fetchArticleUrl } = await load();
    const json = await refusal(fetchArticleUrl(`http://127.0.0.1:${port}/json`));
    expect(json.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(json.message).toMatch(/application\/json, not a web page/);
    const big = await refusal(fetchArticleUrl(`http://127.0.0.1:${port}/big`, { maxBytes: 100_000 }));
    expect(big.code).toBe("PAYLOAD_TOO_LARGE");
    expect(big.message).toMatch(/larger than 97.7 KB; the import limit is 97.7 KB \(IMPORT_MAX_BYTES\)/);
    const declared = await refusal(fetchArticleUrl(`http://127.0.0.1:${port}/declared-big`, { maxBytes: 1024 * 1024 }));
    expect(declared.code).toBe("PAYLOAD_TOO_LARGE");
    const slow = await refusal(fetchArticleUrl(`http://127.0.0.1:${port}/slow`, { timeoutMs: 300 }));
    expect(slow.code).toBe("UPSTREAM_ERROR");
    expect(slow.message).toMatch(/did not answer within/);
    const missing = await refusal(fetchArticleUrl(`http://127.0.0.1:${port}/nope`));
    expect(missing.message).toMatch(/answered 404 Not Found/);
    const plain = await fetchArticleUrl(`http://127.0.0.1:${port}/plain`);
    expect(plain.kind).toBe("text");
  });
});
