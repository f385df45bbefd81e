import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { requestKind, serverStalls, summariseStalls } from "./stalls";

const LOG = [
  "▲ Next.js ready",
  "[loop-stall] 120 ms (cpu 110 ms, gc 5 ms) at 2026-12-03T10:00:01.000Z; in flight: POST /api/v1/claims/cmx7mrxi20004up7drqoqldub/comments (130 ms) | GET /api/v1/health (40 ms)",
  "[loop-stall] 300 ms (cpu 20 ms, gc 0 ms) at 2026-12-03T10:00:02.000Z; in flight: none",
  "[loop-stall] 90 ms (cpu 80 ms, gc 60 ms) at 2026-12-03T10:00:03.000Z; in flight: POST /api/v1/claims/cmx7mryay000aup7deft09f55/comments?x=1 (95 ms)",
  "[loop-stall] 500 ms (cpu 500 ms, gc 0 ms) at 2026-12-03T10:05:00.000Z; in flight: none",
].join("\n");

function logFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "stalls-")), "server.log");
  writeFileSync(file, LOG);
  return file;
}

describe("server stall log", () => {
  it("reads the stalls inside the window, with CPU, GC and the requests in flight", () => {
    const stalls = serverStalls(logFile(), Date.parse("2026-12-03T10:00:00Z"), Date.parse("2026-12-03T10:01:00Z"));
    expect(stalls.map((s) => [s.ms, s.cpuMs, s.gcMs, s.inFlight.length])).toEqual([
      [120, 110, 5, 2],
      [300, 20, 0, 0],
      [90, 80, 60, 1],
    ]);
  });

  it("groups busy stalls by request kind, without ids or queries; starved stalls are counted but not blamed", () => {
    const summary = summariseStalls(serverStalls(logFile(), 0, Date.parse("2026-12-03T10:01:00Z")));
    expect(summary).toMatchObject({ count: 3, max: 300, busy: 2, busyMax: 120 });
    expect(summary.kinds[0]).toBe("POST /api/v1/claims/:id/comments: in flight in 2 busy stalls, longest 120 ms");
  });

  it("keeps short path segments and names", () => {
    expect(requestKind("DELETE /api/v1/claims/demo (3 ms)")).toBe("DELETE /api/v1/claims/demo");
    expect(requestKind("GET /api/v1/articles/cmx7mrwyu0001up7dd0p61b2m/claims/trash?page=2 (8 ms)")).toBe("GET /api/v1/articles/:id/claims/trash");
  });

  it("reads nothing from a missing log", () => {
    expect(serverStalls("/nonexistent/server.log", 0, Date.now())).toEqual([]);
  });
});
