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
// LOOP_TRACE_REQUESTS=1 (or an x-trace-cpu header on the request): a [request] line per request
// with the main thread's CPU meanwhile (exact when requests are sent one at a time, as the
// fuzzer's per-kind CPU calibration does).
const traceRequests = process.env.LOOP_TRACE_REQUESTS === "1";
const inFlight = new Map();
let nextId = 0;

/**
 * The main thread's time on a core and waiting in the kernel's run queue for one, in ms (the
 * first two fields of its schedstat, in ns); elsewhere the process's CPU and no wait figure.
 */
const schedstat = `/proc/self/task/${process.pid}/schedstat`;
function sched() {
  try {
    const [cpu, wait] = fs.readFileSync(schedstat, "utf8").split(" ");
    return { cpu: Number(cpu) / 1e6, wait: Number(wait) / 1e6 };
  } catch {
    const { user, system } = process.cpuUsage();
    return { cpu: (user + system) / 1000, wait: 0 };
  }
}
const cpuNow = () => sched().cpu;

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, res) {
  if (event === "request" && req && res) {
    const id = nextId++;
    const probe = req.headers["x-probe-sent"];
    const arrived = performance.now();
    const ahead = inFlight.size;
    const before = probe || traceRequests || req.headers["x-trace-cpu"] ? sched() : null;
    inFlight.set(id, { what: `${req.method} ${String(req.url).slice(0, 120)}`, at: arrived });
    res.once("close", () => {
      inFlight.delete(id);
      if (!before) return;
      const after = sched();
      const done = performance.now();
      const cpu = (after.cpu - before.cpu).toFixed(1);
      const wait = (after.wait - before.wait).toFixed(1);
      if (probe) {
        // A prober's request (health-monitor.ts): when the loop got to it and when it was answered
        // (epoch ms with sub-ms precision, comparable with the prober's clock on one machine), how many requests were in flight ahead of it, and meanwhile the main
        // thread's CPU (≈ the time taken when the loop was busy with the others), its wait for a
        // core, and GC pauses.
        process.stderr.write(
          `[probe] ${probe} arrived ${(performance.timeOrigin + arrived).toFixed(1)} done ${(performance.timeOrigin + done).toFixed(1)} ahead ${ahead} cpu ${cpu} wait ${wait} gc ${gcWithin(arrived, done).toFixed(1)}\n`,
        );
      } else {
        // The kind: the x-trace-cpu header's label (the fuzzer sends the operation), else the path.
        const kind = String(req.headers["x-trace-cpu"] || `${req.method} ${String(req.url).slice(0, 120)}`).replace(/\s+/g, "_");
        process.stderr.write(`[request] ${kind} ${res.statusCode} ms ${(done - arrived).toFixed(1)} cpu ${cpu} wait ${wait} ahead ${ahead}\n`);
      }
    });
  }
  return emit.apply(this, arguments);
};

// Garbage-collector pauses (a major GC blocks the loop without any handler's fault). The observer
// hears of a pause only after the stall it caused, so a stall is written one tick later.
const { PerformanceObserver } = require("node:perf_hooks"); // eslint-disable-line @typescript-eslint/no-require-imports
let gcPauses = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
}).observe({ entryTypes: ["gc"] });

let pending = null;
const gcWithin = (start, end) => gcPauses.reduce((sum, p) => sum + Math.max(0, Math.min(p.end, end) - Math.max(p.start, start)), 0);
function write(stall) {
  const gc = gcWithin(stall.start, stall.end);
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
