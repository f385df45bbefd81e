// Benchmark preload: counts the SQL statements the server prepares with better-sqlite3 (the
// Prisma adapter prepares one per query), so a benchmark can report queries per request.
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
  const prepare = Database.prototype.prepare;
  let count = 0;
  Database.prototype.prepare = function countedPrepare(...args) {
    count++;
    return prepare.apply(this, args);
  };
  process.on("SIGUSR2", () => writeFileSync(file, String(count)));
}
