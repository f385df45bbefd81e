import { describe, expect, it } from "vitest";
import { attribute, breakdown, describeBreakdown, parseServerProbes } from "./probes";
import { cpuByKind } from "./request-cpu";

const LOG = [
  "▲ Next.js ready",
  "[probe] 1000.000 arrived 1010.0 done 1090.0 ahead 2 cpu 20.0 wait 55.0 gc 3.0",
  "[probe] 2000.000 arrived 2001.0 done 2005.0 ahead 0 cpu 3.5 wait 0.0 gc 0.0",
  "[request] POST_/api/v1/claims/{id}/comments 400 ms 9.0 cpu 8.0 wait 0.5 ahead 0",
  "[request] POST_/api/v1/claims/{id}/comments 400 ms 12.0 cpu 11.0 wait 0.0 ahead 0",
  "[request] POST_/api/v1/claims/{id}/comments 201 ms 30.0 cpu 25.0 wait 0.0 ahead 0",
  "[request] POST_/api/v1/claims/{id}/comments 400 ms 40.0 cpu 30.0 wait 0.0 ahead 0",
  "[request] PATCH_/api/v1/claims/cmx7mrxi20004up7drqoqldub 409 ms 5.0 cpu 4.0 wait 0.0 ahead 1",
].join("\n");

describe("health checks seen from both sides", () => {
  it("splits a check into reaching the server, the server's work and wait, and the way back", () => {
    const probes = parseServerProbes(LOG);
    expect(probes.size).toBe(2);
    const b = breakdown({ id: "1000.000", sentAt: 1000, receivedAt: 1100, proberWaitMs: 4 }, probes.get("1000.000"))!;
    expect([b.toServer, b.inServer, b.back]).toEqual([10, 80, 10]);
    expect(describeBreakdown(b)).toBe("to the server 10 ms, in it 80 ms (2 requests ahead; its thread on a core 20 ms, waiting for one 55 ms, gc 3 ms), back 10 ms (prober waited 4 ms for a core)");
    expect(breakdown({ id: "3000.000", sentAt: 3000, receivedAt: 3010, proberWaitMs: 0 }, probes.get("3000.000"))).toBeNull();
  });

  it("attributes the time of many checks: the server's thread running vs waiting for a core", () => {
    const probes = parseServerProbes(LOG);
    const list = [
      breakdown({ id: "1000.000", sentAt: 1000, receivedAt: 1100, proberWaitMs: 4 }, probes.get("1000.000"))!,
      breakdown({ id: "2000.000", sentAt: 2000, receivedAt: 2006, proberWaitMs: 0 }, probes.get("2000.000"))!,
    ];
    // (10 + 1) / 2 to the server, (20 + 3.5) / 2 on a core, (55 + 0) / 2 waiting, (10 + 1) / 2 back, of 106 in all.
    expect(attribute(list)).toBe(
      "2 checks, mean 53 ms: to the server 6 ms (10%), server thread on a core 12 ms (22%), waiting for a core 28 ms (52%), back 6 ms (10%); gc 2 ms, 1.0 requests ahead, prober waited 2 ms for a core",
    );
    expect(attribute([])).toBe("no checks matched the server's log");
  });
});

describe("server CPU per request kind", () => {
  it("groups by the labelled operation (or the path without ids) and status class, slowest median first", () => {
    expect(cpuByKind(LOG)).toEqual([
      { kind: "POST /api/v1/claims/{id}/comments → 2xx", count: 1, medianMs: 25, maxMs: 25 },
      { kind: "POST /api/v1/claims/{id}/comments → 4xx", count: 3, medianMs: 11, maxMs: 30 },
      { kind: "PATCH /api/v1/claims/:id → 4xx", count: 1, medianMs: 4, maxMs: 4 },
    ]);
  });
});
