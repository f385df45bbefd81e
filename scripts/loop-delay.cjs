// Benchmark preload: the server's event-loop delay (perf_hooks.monitorEventLoopDelay) over a
// window the benchmark chooses. Start the server with
//   NODE_OPTIONS="--require ./scripts/loop-delay.cjs" LOOP_DELAY_FILE=/tmp/x.json
// and send it SIGUSR2 to close a window: the delay since the previous signal (p50, p99, max in
// ms, samples) is written to LOOP_DELAY_FILE and a new window starts. Only the process it was
// started in measures (worker threads and child processes load it too and do nothing).
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload (node --require) */
const { isMainThread } = require("node:worker_threads");
const { monitorEventLoopDelay } = require("node:perf_hooks");
const { writeFileSync } = require("node:fs");

const file = process.env.LOOP_DELAY_FILE;
delete process.env.LOOP_DELAY_FILE;
if (file && isMainThread) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  process.on("SIGUSR2", () => {
    const window = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), samples: histogram.count };
    writeFileSync(file, `${JSON.stringify(window)}\n`);
    histogram.reset();
  });
}
