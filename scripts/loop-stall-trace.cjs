// Diagnostic preload: finds what blocks a server's event loop. Start the server with
//   NODE_OPTIONS="--require ./scripts/loop-stall-trace.cjs" LOOP_STALL_MS=80
// and every stall longer than LOOP_STALL_MS (default 80) is written to stderr with the requests
// in flight at the time (method, path, how long they had been running). A timer ticks every
// 10 ms; a tick that comes late by more than the threshold is a stall (on a loaded machine
// some stalls are the CPU being busy elsewhere: look for requests that recur).
"use strict";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload (node --require)
const http = require("node:http");

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

let last = performance.now();
const tick = setInterval(() => {
  const now = performance.now();
  const late = now - last - 10;
  last = now;
  if (late < threshold) return;
  const running = [...inFlight.values()].map((r) => `${r.what} (${Math.round(now - r.at)} ms)`);
  process.stderr.write(`[loop-stall] ${Math.round(late)} ms at ${new Date().toISOString()}; in flight: ${running.join(" | ") || "none"}\n`);
}, 10);
tick.unref();
