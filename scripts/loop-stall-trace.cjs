// Diagnostic preload: finds what blocks a server's event loop. Start the server with
//   NODE_OPTIONS="--require ./scripts/loop-stall-trace.cjs" LOOP_STALL_MS=80
// and every stall longer than LOOP_STALL_MS (default 80) is written to stderr with the requests
// in flight at the time (method, path, how long they had been running). A timer ticks every
// 10 ms; a tick that comes late by more than the threshold is a stall (on a loaded machine
// some stalls are the CPU being busy elsewhere: look for requests that recur). Each stall also
// shows the CPU time the main thread used meanwhile (Linux: /proc schedstat; elsewhere the whole
// process): a stall with little CPU was the thread waiting for a core (starvation), one with
// about as much CPU as its length was work on the loop; "gc" is the garbage collector's pauses in it.
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload (node --require)
const http = require("node:http");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload (node --require)
const fs = require("node:fs");

const threshold = Number.parseInt(process.env.LOOP_STALL_MS || "80", 10);
const inFlight = new Map();
let nextId = 0;

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, res) {
  if (event === "request" && req && res) {
    const id = nextId++;
    inFlight.set(id, { what: `${req.method} ${String(req.url).slice(0, 120)}`, at: performance.now() });
    res.once("close", () => inFlight.delete(id));
  }
  return emit.apply(this, arguments);
};

/** CPU time of the main thread in ms (its first schedstat field is nanoseconds on a core). */
const schedstat = `/proc/self/task/${process.pid}/schedstat`;
function cpuNow() {
  try {
    return Number(fs.readFileSync(schedstat, "utf8").split(" ")[0]) / 1e6;
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
}

// Garbage-collector pauses (a major GC blocks the loop without any handler's fault). The observer
// hears of a pause only after the stall it caused, so a stall is written one tick later.
const { PerformanceObserver } = require("node:perf_hooks"); // eslint-disable-line @typescript-eslint/no-require-imports
let gcPauses = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
}).observe({ entryTypes: ["gc"] });

let pending = null;
function write(stall) {
  const gc = gcPauses.reduce((sum, p) => sum + Math.max(0, Math.min(p.end, stall.end) - Math.max(p.start, stall.start)), 0);
  process.stderr.write(
    `[loop-stall] ${Math.round(stall.late)} ms (cpu ${Math.round(stall.cpuMs)} ms, gc ${Math.round(gc)} ms) at ${stall.at}; in flight: ${stall.running.join(" | ") || "none"}\n`,
  );
}

let last = performance.now();
let lastCpu = cpuNow();
const tick = setInterval(() => {
  const now = performance.now();
  const late = now - last - 10;
  const cpu = cpuNow();
  const stall = { start: last, end: now, late, cpuMs: cpu - lastCpu };
  last = now;
  lastCpu = cpu;
  if (pending) write(pending);
  pending = null;
  gcPauses = gcPauses.filter((p) => p.end > now - 1_000);
  if (late < threshold) return;
  pending = { ...stall, at: new Date().toISOString(), running: [...inFlight.values()].map((r) => `${r.what} (${Math.round(now - r.at)} ms)`) };
}, 10);
tick.unref();
