import { readFileSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { Document, Packer, Paragraph } from "docx";
import { strToU8, unzipSync, zipSync } from "fflate";
import { generateCases, writeOperations, type FuzzCase, type OpenApiDocument } from "../../tests/reliability/fuzz-openapi";
import { Client, createFixture, ROOT } from "./harness";
import { HANG_MS, HealthMonitor, type HealthFigures } from "./health-monitor";
import { failure, type Sent } from "./send-cases";
import { readServerProbes } from "./probes";
import { cpuByKind, type KindCpu } from "./request-cpu";
import { serverStalls } from "./stalls";
import { cpuWindow, type CpuWindow, type ThreadTimes } from "./thread-cpu";

// Fuzzing through HTTP: ≥ 10,000 bodies generated from /api/v1/openapi.json over every write
// operation, then hostile uploads and requests (binary as .txt, a zip bomb as .docx, 1e3–1e5
// nested elements, broken encodings, lone surrogates, malformed path escapes, oversized chunked
// bodies). Meanwhile /api/v1/health is polled every 100 ms (health-monitor.ts). Counted: 5xx answers, answers slower
// than 10 s, 4xx answers without the { error: { code, message } } shape, health latency.
// The load: one signed-in attacker keeping `concurrency` (4) requests in flight, as one client on
// another machine would (browsers open up to 6 connections per host); each answered request is
// replaced at once, so the server always has work queued. The attacker's CPU is not the server's:
// the generated bodies are sent from a thread 10 nice levels down (fuzz-sender-worker.ts), and
// built before the clock starts.

export interface FuzzFigures {
  cases: number;
  hostile: number;
  fiveXx: number;
  hangs: number;
  badShape: number;
  health: HealthFigures;
  /** When the fuzzing (and the health polling) ran, epoch ms. */
  window: { from: number; to: number };
  /** The server's CPU per request kind, from cases sent one at a time before the clock started. */
  cpu: KindCpu[];
  /** CPU of the server and of the fuzzer's sending thread while the generated bodies were sent. */
  load: CpuWindow | null;
  problems: string[];
}

function record(figures: FuzzFigures, label: string, status: number, ms: number, body: string, api: boolean) {
  if (status >= 500) {
    figures.fiveXx++;
    figures.problems.push(`${label} → ${status}: ${body.slice(0, 200)}`);
  }
  if (ms > HANG_MS) {
    figures.hangs++;
    figures.problems.push(`${label} took ${Math.round(ms)} ms`);
  }
  if (api && status >= 400 && status < 500) {
    let ok = false;
    try {
      const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
      ok = typeof parsed.error?.code === "string" && typeof parsed.error?.message === "string" && parsed.error.message.length > 0;
    } catch {
      /* not JSON */
    }
    if (!ok) {
      figures.badShape++;
      figures.problems.push(`${label} → ${status} without the error shape: ${body.slice(0, 120)}`);
    }
  }
}

/**
 * Sends the generated cases from a worker thread (fuzz-sender-worker.ts), at a lower priority
 * unless `nice` is false, and judges the answers.
 */
async function sendGenerated(client: Client, figures: FuzzFigures, cases: FuzzCase[], concurrency: number, nice: boolean): Promise<ThreadTimes> {
  // The worker loads TypeScript through tsx, as this process does; the priority first.
  const load = [...(nice ? ["lib/workers/lower-thread-priority.ts"] : []), "scripts/reliability/fuzz-sender-worker.ts"].map((f) => `require(${JSON.stringify(path.join(ROOT, f))});`);
  const worker = new Worker(`require("tsx/cjs/api").register(); ${load.join(" ")}`, { eval: true, workerData: { base: client.base, cookie: client.cookie, cases, concurrency } });
  const result = await new Promise<{ sent: Sent[]; cpuMs: number; waitMs: number }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the fuzz sender exited (${code}) before it was done`)));
  });
  await worker.terminate();
  for (const r of result.sent) {
    if (r.error) {
      figures.problems.push(`${r.label}: ${r.error}`);
      figures.hangs++;
    } else record(figures, r.label, r.status, r.ms, r.body, r.api);
  }
  return { cpuMs: result.cpuMs, waitMs: result.waitMs };
}

/** Streams `total` bytes as a chunked body and stops as soon as the answer arrives. */
function chunkedUpload(base: string, path: string, headers: Record<string, string>, total: number): Promise<{ status: number; body: string; sent: number; ms: number }> {
  const url = new URL(path, base);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(url, { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, sent, ms: performance.now() - started });
        request.destroy();
      });
    });
    request.on("error", (e) => (answered ? undefined : reject(e)));
    request.setTimeout(HANG_MS + 5_000, () => request.destroy(new Error("timed out")));
    const chunk = Buffer.alloc(256 * 1024, "a");
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

async function docxBomb(): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph({ text: "A council vote." })] }] });
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  const xml = new TextDecoder().decode(files["word/document.xml"]);
  files["word/document.xml"] = strToU8(xml.replace("<w:body>", `<w:body><!--${" ".repeat(64 * 1024 * 1024)}-->`));
  return zipSync(files, { level: 9 });
}

function multipart(filename: string, type: string, data: Uint8Array | string, fields: Record<string, string> = {}): { body: Buffer; contentType: string } {
  const boundary = `----fuzz${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`));
  parts.push(Buffer.from(data));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** `serverLog`: the log of a server that traces its event-loop stalls, to explain slow health checks. */
/**
 * The server's CPU per request kind: `cases` sent one at a time (so each request's CPU is its
 * own) with x-trace-cpu, read back from the server's log. DELETEs are left out: they would remove
 * the fixture the fuzzing needs.
 */
async function calibrate(client: Client, cases: FuzzCase[], serverLog: string): Promise<KindCpu[]> {
  const from = statSync(serverLog).size;
  try {
    for (const c of cases) {
      if (c.method === "DELETE") continue;
      client.headers["x-trace-cpu"] = c.operation;
      await client.request(c.method, c.path, c.body, c.contentType ?? "application/json").then((r) => r.arrayBuffer());
    }
  } finally {
    delete client.headers["x-trace-cpu"];
  }
  // Let the server write its last lines.
  await new Promise((r) => setTimeout(r, 200));
  return cpuByKind(readFileSync(serverLog, "utf8").slice(from));
}

export async function runFuzz(client: Client, count: number, seed: number, healthLimitMs: number, serverLog?: string, { concurrency = 4, niceSender = true, cpuSamplesPerOperation = 0, serverPid = undefined as number | undefined } = {}): Promise<FuzzFigures> {
  const figures: FuzzFigures = { cases: 0, hostile: 0, fiveXx: 0, hangs: 0, badShape: 0, health: { checks: 0, p50: 0, p99: 0, max: 0, over: 0, slow: [], where: [], proberLate: { p99: 0, max: 0 } }, window: { from: 0, to: 0 }, cpu: [], load: null, problems: [] };
  const doc = await client.json<OpenApiDocument>("GET", "/api/v1/openapi.json");
  const { articleId, claimIds } = await createFixture(client);
  const source = await client.json<{ id: string }>("POST", `/api/v1/claims/${claimIds[0]}/sources`, { url: "https://example.org/report", title: "Report" });
  const comment = await client.json<{ id: string }>("POST", `/api/v1/claims/${claimIds[1]}/comments`, { body: "A comment" });
  const token = await client.json<{ id: string }>("POST", "/api/v1/tokens", { name: "fuzz" });
  const ids = [articleId, ...claimIds, source.id, comment.id, token.id, "demo"];

  // Everything is generated before the clock starts, so the client's own work can't pass for
  // a slow server. The article everything hangs off is deleted last, so most cases reach the services.
  const cases = generateCases(doc, ids, count, seed).sort((a, b) => Number(a.method === "DELETE") - Number(b.method === "DELETE"));
  figures.cases = cases.length;
  // A fresh connection per request from here on: generating the cases blocks this process for
  // seconds, so the pooled connections sit idle past the server's keep-alive (5 s) while the
  // client's own expiry timers can't run, and the first request written on one failed with
  // "other side closed" (UND_ERR_SOCKET) — seen on every loaded run with seed 4242.
  client.closeConnections = true;
  const fresh = await createFixture(client, ["4.2 million euros"]);
  const claim = fresh.claimIds[0];
  const hostile: Array<{ label: string; method: string; path: string; body: string | Buffer | null; type: string }> = [];
  const upload = (label: string, filename: string, type: string, data: Uint8Array | string) => {
    const m = multipart(filename, type, data, { workspace: "demo" });
    hostile.push({ label, method: "POST", path: "/api/v1/articles/preview", body: m.body, type: m.contentType });
  };
  const binary = new Uint8Array(64 * 1024).map((_, i) => (i * 7919) % 256);
  upload("binary as .txt", "photo.txt", "text/plain", binary);
  upload("zip bomb as .docx", "bomb.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", await docxBomb());
  upload("zip that is not a .docx", "archive.docx", "application/octet-stream", zipSync({ "a.txt": strToU8("hello") }));
  upload("truncated .docx", "cut.docx", "application/octet-stream", (await docxBomb()).slice(0, 2048));
  for (const n of [1_000, 10_000, 100_000]) {
    for (const tag of ["div", "span", "li"]) upload(`${n} nested <${tag}> as .html`, "deep.html", "text/html", `<html><body>${`<${tag}>`.repeat(n)}<p>text</p>${`</${tag}>`.repeat(n)}</body></html>`);
    upload(`${n} nested quotes as .md`, "deep.md", "text/markdown", `${">".repeat(n)} text`);
    hostile.push({ label: `${n} nested elements as JSON html`, method: "POST", path: "/api/v1/articles/preview", body: JSON.stringify({ html: "<div>".repeat(n) + "text", workspace: "demo" }), type: "application/json" });
  }
  // About 45,000 elements in chains 100 deep: within the caps, but slow to extract (time budget).
  upload("slow but legal HTML", "slow.html", "text/html", `<html><body><article>${`${"<div>".repeat(100)}<p>Lorem ipsum dolor sit amet.</p>${"</div>".repeat(100)}`.repeat(440)}</article></body></html>`);
  upload("Latin-1 bytes as .txt", "latin1.txt", "text/plain", Buffer.from("Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade. ".repeat(50), "latin1"));
  upload("UTF-16 as .html", "utf16.html", "text/html", Buffer.from("\ufeff<p>Hello world</p>", "utf16le"));
  upload("empty .md", "empty.md", "text/markdown", "");
  hostile.push({ label: "invalid UTF-8 JSON", method: "POST", path: `/api/v1/claims/${claim}/comments`, body: Buffer.from([0x7b, 0x22, 0x62, 0x6f, 0x64, 0x79, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), type: "application/json" });
  hostile.push({ label: "lone surrogate in a comment", method: "POST", path: `/api/v1/claims/${claim}/comments`, body: '{"body":"\\ud800"}', type: "application/json" });
  hostile.push({ label: "lone surrogate in a statement", method: "PATCH", path: `/api/v1/claims/${claim}`, body: '{"version":1,"statement":"a\\udfff"}', type: "application/json" });
  hostile.push({ label: "lone surrogate in an article", method: "POST", path: "/api/v1/articles", body: '{"text":"Lone \\ud800 surrogate in the text of an article.","workspace":"demo"}', type: "application/json" });
  hostile.push({ label: "multipart with broken restore", method: "POST", path: "/api/v1/articles/preview", ...(() => { const m = multipart("a.txt", "text/plain", "An article.", { workspace: "demo", restore: "[1," }); return { body: m.body, type: m.contentType }; })() });
  for (const op of writeOperations(doc)) {
    if (!op.path.includes("{")) continue;
    for (const bad of ["%ZZ", "%E0%A4%A", "%C3%28", "%"]) {
      hostile.push({ label: `${op.method} ${op.path} with ${bad}`, method: op.method, path: op.path.replace(/\{[^}]+\}/, bad), body: op.method === "DELETE" ? null : "{}", type: "application/json" });
    }
  }
  for (const page of ["/articles/%ZZ", "/r/%ZZ", "/embed/%E0%A4%A", "/invite/%ZZ", "/api/v1/public/articles/%ZZ", "/api/v1/claims/%ZZ/history"]) {
    hostile.push({ label: `GET ${page}`, method: "GET", path: page, body: null, type: "" });
  }
  figures.hostile = hostile.length;

  if (serverLog && cpuSamplesPerOperation > 0) figures.cpu = await calibrate(client, generateCases(doc, ids, cpuSamplesPerOperation * writeOperations(doc).length, seed + 1_000_000), serverLog);

  const monitor = new HealthMonitor(client.base, healthLimitMs);
  figures.window.from = Date.now();
  monitor.start();
  try {
    const cpu = cpuWindow(serverPid);
    const sender = await sendGenerated(client, figures, cases, concurrency, niceSender);
    figures.load = { ...cpu(), fuzzer: sender };

    // Hostile uploads and requests, one at a time, each timed.
    for (const h of hostile) {
      monitor.phase = h.label;
      const started = performance.now();
      try {
        const headers: Record<string, string> = { origin: client.base, cookie: client.cookie };
        if (h.body !== null) headers["content-type"] = h.type;
        const res = await fetch(client.base + h.path, { method: h.method, headers, body: h.body as BodyInit | null, signal: AbortSignal.timeout(HANG_MS + 5_000) });
        const text = await res.text();
        record(figures, h.label, res.status, performance.now() - started, text, h.path.startsWith("/api/"));
        if (h.path.includes("%") && res.status !== 400) figures.problems.push(`${h.label} → ${res.status}, expected 400`);
      } catch (e) {
        figures.hangs++;
        figures.problems.push(`${h.label}: ${failure(e)}`);
      }
    }

    // Oversized chunked bodies: refused with 413 long before the client has sent them.
    const cookie = client.cookie;
    for (const [label, path, type, total] of [
      ["chunked 60 MB upload", "/api/v1/articles/preview", "multipart/form-data; boundary=x", 60 * 1024 * 1024],
      ["chunked 50 MB JSON comment", `/api/v1/claims/${claim}/comments`, "application/json", 50 * 1024 * 1024],
      ["chunked 20 MB sign-in", "/api/auth/callback/credentials", "application/x-www-form-urlencoded", 20 * 1024 * 1024],
    ] as const) {
      figures.hostile++;
      monitor.phase = label;
      try {
        const r = await chunkedUpload(client.base, path, { origin: client.base, cookie, "content-type": type }, total);
        record(figures, label, r.status, r.ms, r.body, true);
        if (r.status !== 413) figures.problems.push(`${label} → ${r.status}, expected 413`);
        if (r.sent >= total) figures.problems.push(`${label}: the server read the whole ${total} bytes before answering`);
      } catch (e) {
        figures.hangs++;
        figures.problems.push(`${label}: ${failure(e)}`);
      }
    }
  } finally {
    await monitor.stop();
    figures.window.to = Date.now();
  }
  figures.health = monitor.figures(serverLog ? serverStalls(serverLog, figures.window.from, figures.window.to) : [], serverLog ? readServerProbes(serverLog) : new Map());
  return figures;
}
