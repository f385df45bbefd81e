import type { FuzzCase } from "../../tests/reliability/fuzz-openapi";
import type { Client } from "./harness";
import { HANG_MS } from "./health-monitor";

// Sends generated fuzz cases `concurrency` at a time and collects what came back; fuzz.ts judges
// the answers. Runs in the sending thread (fuzz-sender-worker.ts).

export interface Sent {
  label: string;
  /** 0 when the request failed (see `error`). */
  status: number;
  ms: number;
  /** The answer's body when it was an error (≥ 400); the rest are not needed. */
  body: string;
  api: boolean;
  error?: string;
}

/** A failed request's message with its cause ("fetch failed" alone says nothing). */
export function failure(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return `${(e as Error).message}${cause ? ` (${cause.code ?? ""} ${cause.message ?? ""})`.replace("( ", "(") : ""}`;
}

async function send(client: Client, c: FuzzCase): Promise<Sent> {
  const label = `${c.method} ${c.path}`;
  const api = c.path.startsWith("/api/");
  const started = performance.now();
  try {
    const res = await client.request(c.method, c.path, c.body, c.contentType ?? "application/json", HANG_MS + 5_000);
    const text = await res.text();
    return { label, status: res.status, ms: performance.now() - started, body: res.status >= 400 ? text : "", api };
  } catch (e) {
    return { label, status: 0, ms: performance.now() - started, body: "", api, error: failure(e) };
  }
}

export async function sendCases(client: Client, cases: FuzzCase[], concurrency: number): Promise<Sent[]> {
  const sent: Sent[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < cases.length) sent.push(await send(client, cases[next++]));
    }),
  );
  return sent;
}
