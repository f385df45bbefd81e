// Article page benchmark (issue 9, target 1): a 10,000-word article with 0, 1,000 and 5,000
// claims, seeded through the services into a throwaway SQLite database and served by
// `next start` of the built app (.next; built first if missing or BENCH_BUILD=1), measured in
// Debian's Chromium. In the same run, @recogito/text-annotator (SPANS renderer) annotates the
// same text with the same spans on a static page, and the same text with no app around it is
// the peer of the 0-claim page and of scrolling. Prints the figures and the ratios to targets:
//   painted ≤ ¼ of recogito at 1,000 claims, ≤ ⅕ at 5,000; 0-claim page ≤ 1.2× the bare text;
//   click on a claim → panel shown ≤ 50 ms; HTML ≤ 400 KB at 5,000; scroll p95 ≤ the bare text's.
// "Painted" is the `fm:highlights-painted` performance mark (set in the frame after the
// highlight layer painted every claim), recogito's in the frame after its span layer filled.
//
// Also printed: time to first byte, first contentful paint and "ready" (the `fm:viewer-ready`
// mark: React hydrated and took over the painted highlights, so clicks work).
//
//   npx tsx --conditions=react-server bench/viewer.bench.ts            full run (5 navigations each)
//   BENCH_SMOKE=1 npx tsx --conditions=react-server bench/viewer.bench.ts  (or --smoke) small sizes
//   BENCH_CLAIMS=0 only the 0-claim page (any comma list of claim counts).
//   BENCH_REUSE=1 keeps the seeded database between runs (.tmp/bench-viewer-<port>.*; seeding 5,000
//   claims through the services takes minutes).
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { barePage, prepareDatabase, recogitoAssets, recogitoPage, seedArticles, sqliteBenchEnv, type Fixture, type SeededArticle } from "./viewer-fixture";

const smoke = process.env.BENCH_SMOKE === "1" || process.argv.includes("--smoke");
const WORDS = smoke ? 2_000 : 10_000;
// BENCH_CLAIMS=0 (a comma list) measures only those claim counts.
const SIZES = process.env.BENCH_CLAIMS ? process.env.BENCH_CLAIMS.split(",").map(Number) : smoke ? [0, 100, 500] : [0, 1_000, 5_000];
const RUNS = smoke ? 2 : 5;
const PORT = Number(process.env.BENCH_PORT ?? 3180);
const STATIC_PORT = PORT + 1;
const PASSWORD = "bench-Passw0rd-Factmark";
const origin = `http://localhost:${PORT}`;

const dbFile = path.resolve(".tmp", `bench-viewer-${PORT}.db`);
const fixtureFile = path.resolve(".tmp", `bench-viewer-${PORT}.json`);
const env: NodeJS.ProcessEnv = { ...sqliteBenchEnv(dbFile, PASSWORD), NEXTAUTH_URL: origin };
Object.assign(process.env, env);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (n: number) => `${n.toFixed(0)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const verdict = (ok: boolean) => (ok ? "meets" : "MISSES");

async function waitForServer(url: string, server: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error("next start exited");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

function staticServer(fixture: Fixture) {
  const assets = recogitoAssets();
  const pages = new Map<string, string>([["/bare", barePage(fixture.bodyHtml)]]);
  for (const a of fixture.articles) pages.set(`/recogito/${a.claims}`, recogitoPage(fixture.bodyHtml, fixture.canonicalText, a.spans));
  return http.createServer((req, res) => {
    const url = req.url ?? "/";
    const body = url === "/recogito.js" ? assets.js : url === "/recogito.css" ? assets.css : pages.get(url);
    if (body === undefined) return res.writeHead(404).end();
    const type = url.endsWith(".js") ? "text/javascript" : url.endsWith(".css") ? "text/css" : "text/html";
    res.writeHead(200, { "content-type": `${type}; charset=utf-8` }).end(body);
  });
}

/** Milliseconds from navigation start to a performance mark, to first contentful paint, to the first byte and to `ready` (if given). */
async function navigate(page: Page, url: string, mark: string, ready?: string): Promise<{ painted: number; fcp: number; ttfb: number; ready: number }> {
  await page.goto(url, { waitUntil: "commit" });
  const marks = ready ? [mark, ready] : [mark];
  await page.waitForFunction((ms) => ms.every((m) => performance.getEntriesByName(m).length > 0), marks, { timeout: 120_000, polling: 50 });
  return page.evaluate(([m, r]) => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return { painted: performance.getEntriesByName(m)[0].startTime, fcp, ttfb: nav?.responseStart ?? NaN, ready: r ? performance.getEntriesByName(r)[0].startTime : NaN };
  }, [mark, ready] as const);
}

/** rAF deltas while the page scrolls down 60 px a frame, 150 frames; the 95th percentile. */
async function scrollP95(page: Page): Promise<number> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const deltas = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let last = performance.now();
        const frame = (t: number) => {
          out.push(t - last);
          last = t;
          window.scrollBy(0, 60);
          if (out.length < 150) requestAnimationFrame(frame);
          else resolve(out.slice(5));
        };
        requestAnimationFrame((t) => {
          last = t;
          requestAnimationFrame(frame);
        });
      }),
  );
  return p95(deltas);
}

/** Event time of a click on the claim's highlighted text → the frame after its panel shows. */
async function clickToPanel(page: Page, fixture: Fixture, a: SeededArticle, index: number): Promise<{ click: number; escape: number }> {
  const { start } = a.spans[index];
  const text = fixture.canonicalText;
  const paragraph = text.slice(0, start).split("\n\n").length - 1;
  const offset = start - (text.lastIndexOf("\n\n", start - 1) + 2 || 0);
  const point = await page.evaluate(
    ([p, o]) => {
      const blocks = [...document.querySelectorAll(".article-prose p")];
      const node = blocks[p].firstChild as Text;
      const range = document.createRange();
      range.setStart(node, o);
      range.setEnd(node, o + 1);
      range.startContainer.parentElement!.scrollIntoView({ block: "center" });
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    [paragraph, offset] as const,
  );
  const watch = (selector: string) =>
    page.evaluate(
      (sel) =>
        new Promise<void>((resolve) => {
          const w = window as unknown as { __fmStart?: number; __fmEnd?: number };
          w.__fmStart = undefined;
          const at = (e: Event) => (w.__fmStart = e.timeStamp);
          window.addEventListener("pointerdown", at, { capture: true, once: true });
          window.addEventListener("keydown", at, { capture: true, once: true });
          const obs = new MutationObserver(() => {
            if (!document.querySelector(sel)) return;
            obs.disconnect();
            requestAnimationFrame(() => {
              w.__fmEnd = performance.now();
            });
          });
          obs.observe(document.body, { childList: true, subtree: true, attributes: true });
          resolve();
        }),
      selector,
    );
  const elapsed = async () => {
    await page.waitForFunction(() => (window as unknown as { __fmEnd?: number }).__fmEnd !== undefined, null, { polling: 20 });
    return page.evaluate(() => {
      const w = window as unknown as { __fmStart: number; __fmEnd?: number };
      const d = w.__fmEnd! - w.__fmStart;
      w.__fmEnd = undefined;
      return d;
    });
  };
  await watch(`[data-testid="claim-detail"]`);
  await page.mouse.click(point.x, point.y);
  const click = await elapsed();
  await page.locator('[data-testid="claim-detail"] [data-testid="save-state"], [data-testid="claim-detail"] [data-claim-ready]').first().waitFor({ timeout: 30_000 }).catch(() => {});
  await watch(`ol[aria-label="Claims in document order"]`);
  await page.keyboard.press("Escape");
  const escape = await elapsed();
  return { click, escape };
}

async function measureArticle(context: BrowserContext, fixture: Fixture, a: SeededArticle) {
  const url = `${origin}/articles/${a.id}`;
  const page = await context.newPage();
  // The document a browser's navigation gets: a full load (sec-fetch-dest: document) carries the
  // body in its HTML only (components/viewer/use-article-body.ts); a plain request gets it twice.
  const res = await page.goto(url);
  const html = (await res!.body()).toString("utf8");
  await navigate(page, url, "fm:highlights-painted", "fm:viewer-ready"); // warm-up
  const painted: number[] = [];
  const fcp: number[] = [];
  const ttfb: number[] = [];
  const ready: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = await navigate(page, url, "fm:highlights-painted", "fm:viewer-ready");
    painted.push(t.painted);
    fcp.push(t.fcp);
    ttfb.push(t.ttfb);
    ready.push(t.ready);
  }
  const paintedClaims = Number(await page.locator("[data-painted-claims]").getAttribute("data-painted-claims"));
  const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);
  const scroll = await scrollP95(page);
  let click = NaN;
  let escape = NaN;
  if (a.claims > 0) {
    const clicks: number[] = [];
    const escapes: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t = await clickToPanel(page, fixture, a, Math.floor((a.spans.length * (r + 1)) / (RUNS + 2)));
      clicks.push(t.click);
      escapes.push(t.escape);
    }
    click = median(clicks);
    escape = median(escapes);
  }
  await page.close();
  return { painted: median(painted), fcp: median(fcp), ttfb: median(ttfb), ready: median(ready), paintedClaims, bytes: Buffer.byteLength(html), gzip: gzipSync(html).length, domNodes, scroll, click, escape };
}

async function main() {
  const log = (s: string) => console.log(s);
  log(`Article page: ${WORDS.toLocaleString("en-US")} words, claims ${SIZES.join(" / ")}, ${RUNS} navigations each (median)${smoke ? " — smoke" : ""}`);
  log(`  load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (figures under load are inflated)`);
  mkdirSync(".tmp", { recursive: true });
  const key = JSON.stringify({ WORDS, SIZES });
  let fixture: Fixture;
  const kept = process.env.BENCH_REUSE === "1" && existsSync(dbFile) && existsSync(fixtureFile) ? (JSON.parse(readFileSync(fixtureFile, "utf8")) as { key: string; fixture: Fixture }) : null;
  if (kept?.key === key) {
    fixture = kept.fixture;
    log(`  reusing the seeded database ${path.relative(process.cwd(), dbFile)} (BENCH_REUSE=1)`);
  } else {
    rmSync(dbFile, { force: true });
    prepareDatabase(env);
    fixture = await seedArticles(SIZES, WORDS, log);
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
    writeFileSync(fixtureFile, JSON.stringify({ key, fixture }));
  }

  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (process.env.BENCH_BUILD === "1" || !existsSync(path.join(distDir, "BUILD_ID"))) {
    log("  building (npm run build, log in .tmp/bench-viewer-build.log)…");
    const out = openSync(".tmp/bench-viewer-build.log", "w");
    execFileSync("npm", ["run", "build"], { env, stdio: ["ignore", out, out] });
  }
  const server = spawn("node", ["--require", "./scripts/client-ip.cjs", "node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    env,
    detached: true,
    stdio: "ignore",
  });
  const statics = staticServer(fixture);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    await waitForServer(`${origin}/api/v1/health`, server);
    await new Promise<void>((r) => statics.listen(STATIC_PORT, r));
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // tsx keeps function names with a __name helper that scripts sent to the page must find.
    await context.addInitScript({ content: "globalThis.__name = (f) => f;" });
    const { csrfToken } = await (await context.request.get(`${origin}/api/auth/csrf`)).json();
    const signIn = await context.request.post(`${origin}/api/auth/callback/credentials`, {
      form: { csrfToken, email: "editor@example.com", password: PASSWORD, json: "true" },
      headers: { Origin: origin },
    });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);

    const peer = await context.newPage();
    const bareUrl = `http://localhost:${STATIC_PORT}/bare`;
    await navigate(peer, bareUrl, "bare:painted");
    const bareRuns: number[] = [];
    for (let r = 0; r < RUNS; r++) bareRuns.push((await navigate(peer, bareUrl, "bare:painted")).painted);
    const bare = median(bareRuns);
    const bareScroll = await scrollP95(peer);
    log(`  bare text (no app): painted ${ms(bare)}, scroll frame p95 ${bareScroll.toFixed(1)} ms`);

    for (const a of fixture.articles) {
      const f = await measureArticle(context, fixture, a);
      let recogito = NaN;
      if (a.claims > 0) {
        const rUrl = `http://localhost:${STATIC_PORT}/recogito/${a.claims}`;
        await navigate(peer, rUrl, "recogito:painted");
        const runs: number[] = [];
        for (let r = 0; r < RUNS; r++) runs.push((await navigate(peer, rUrl, "recogito:painted")).painted);
        recogito = median(runs);
      }
      log(`  ${a.claims.toLocaleString("en-US")} claims (${f.paintedClaims} painted): painted ${ms(f.painted)} (first byte ${ms(f.ttfb)}, first contentful paint ${ms(f.fcp)}, ready for clicks ${ms(f.ready)}); HTML ${kb(f.bytes)} (${kb(f.gzip)} gzipped); ${f.domNodes.toLocaleString("en-US")} DOM nodes; scroll frame p95 ${f.scroll.toFixed(1)} ms (bare ${bareScroll.toFixed(1)})`);
      if (a.claims === 0) {
        const ratio = f.painted / bare;
        log(`    vs bare text: ×${ratio.toFixed(2)} (target ≤ 1.2: ${verdict(ratio <= 1.2)}); first contentful paint ×${(f.fcp / bare).toFixed(2)}`);
        continue;
      }
      const target = a.claims >= 5_000 || a === fixture.articles[fixture.articles.length - 1] ? 1 / 5 : 1 / 4;
      const ratio = f.painted / recogito;
      log(`    recogito SPANS: painted ${ms(recogito)}; Factmark/recogito ×${ratio.toFixed(3)} (target ≤ ${target === 0.2 ? "⅕" : "¼"}: ${verdict(ratio <= target)})`);
      log(`    click on a claim → panel ${ms(f.click)} (target ≤ 50 ms: ${verdict(f.click <= 50)}); Escape → list ${ms(f.escape)}`);
      if (a === fixture.articles[fixture.articles.length - 1]) log(`    HTML ${kb(f.bytes)} (target ≤ 400 KB: ${verdict(f.bytes <= 400 * 1024)}); scroll p95 ×${(f.scroll / bareScroll).toFixed(2)} of bare`);
    }
  } finally {
    await browser.close();
    statics.close();
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    log(`  load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
