import http from "node:http";
import type { AddressInfo } from "node:net";
import { vi } from "vitest";

// A local web site for tests of server-side fetching (source lookup, refresh from source): fixed
// pages by path, anything else the fallback answer. The SSRF-safe fetcher refuses 127.0.0.1
// unless the test allows this host (allowFetchingFrom), as it would any private address.

export interface LocalPage {
  status?: number;
  type: string;
  body: string;
}

export interface LocalSite {
  /** host:port, for http://<host>/<path> URLs. */
  host: string;
  close(): Promise<void>;
}

export async function startLocalSite(pages: Record<string, LocalPage>, fallback: LocalPage = { status: 404, type: "text/html", body: "no" }): Promise<LocalSite> {
  const server = http.createServer((req, res) => {
    const page = pages[req.url ?? ""] ?? fallback;
    res.writeHead(page.status ?? 200, { "content-type": page.type });
    res.end(page.body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * Lets the fetcher reach `host` (or nothing, with null) and drops the module cache, so the next
 * `await import(...)` of a service reads the environment afresh. Undo with vi.unstubAllEnvs().
 */
export function allowFetchingFrom(host: string | null): void {
  vi.unstubAllEnvs();
  vi.stubEnv("NODE_ENV", "test");
  vi.stubEnv("IMPORT_TEST_ALLOW_HOSTS", host ?? "");
  vi.resetModules();
}
