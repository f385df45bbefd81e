// Benchmark preload: counts the SQL statements the server runs with better-sqlite3 (the Prisma
// adapter runs one per query; lib/db/statement-cache.ts prepares each distinct SQL only once, so
// statements are counted when run, not when prepared), so a benchmark can report queries per request.
//   node --require ./bench/support/count-statements.cjs ... with STATEMENT_COUNT_FILE=/tmp/x
// SIGUSR2 writes the count so far to STATEMENT_COUNT_FILE. Main thread only (the job thread has
// its own connection and is not counted).
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload (node --require) */
const { isMainThread } = require("node:worker_threads");
const { writeFileSync } = require("node:fs");

const file = process.env.STATEMENT_COUNT_FILE;
delete process.env.STATEMENT_COUNT_FILE;
if (file && isMainThread) {
  const Database = require("better-sqlite3");
  // Statements are native objects without an exported class: reach their prototype through one.
  const probe = new Database(":memory:");
  const proto = Object.getPrototypeOf(probe.prepare("SELECT 1"));
  probe.close();
  let count = 0;
  for (const method of ["run", "get", "all", "iterate"]) {
    const original = proto[method];
    proto[method] = function countedRun(...args) {
      count++;
      return original.apply(this, args);
    };
  }
  process.on("SIGUSR2", () => writeFileSync(file, String(count)));
}
