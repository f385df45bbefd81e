import { Client, createFixture } from "./harness";

// 20 clients × 50 updates of the same 3 claims, through the HTTP API. Every update is either
// acknowledged (200 with the new version) or refused with 409 carrying the current claim.
// Afterwards: the acknowledged versions of each claim are exactly 2..final (no gaps, no
// duplicates), the claim shows the value of its last acknowledged version (earlier ones were
// superseded), and its history holds one update row per acknowledged change, in order, with
// the acknowledged values.

export interface ConcurrencyFigures {
  clients: number;
  updatesPerClient: number;
  acknowledged: number;
  conflicts: number;
  lost: number;
  versionGaps: number;
  historyMismatches: number;
  unexpected: string[];
}

interface Ack {
  claimId: string;
  version: number;
  statement: string;
}

export async function runConcurrency(setup: Client, clients = 20, updatesPerClient = 50): Promise<ConcurrencyFigures> {
  const { claimIds } = await createFixture(setup, ["4.2 million euros", "fell to 5 percent", "20,000 cars a day"]);
  const known = new Map<string, number>(claimIds.map((id) => [id, 1]));
  const acks: Ack[] = [];
  const unexpected: string[] = [];
  let conflicts = 0;

  // Independent concurrent clients sharing one signed-in session (the server keeps no per-session state).
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const client = setup;
      for (let n = 0; n < updatesPerClient; n++) {
        const claimId = claimIds[(c + n) % claimIds.length];
        const version = known.get(claimId)!;
        const statement = `client ${c} update ${n}`;
        let res: Response;
        try {
          res = await client.request("PATCH", `/api/v1/claims/${claimId}`, JSON.stringify({ version, statement }));
        } catch (e) {
          unexpected.push(`PATCH failed: ${(e as Error).message}`);
          continue;
        }
        const body = (await res.json().catch(() => null)) as { version?: number; error?: { code: string; details?: { current?: { version: number } } } } | null;
        if (res.status === 200 && body?.version) {
          acks.push({ claimId, version: body.version, statement });
          if (body.version > known.get(claimId)!) known.set(claimId, body.version);
        } else if (res.status === 409 && body?.error?.details?.current?.version) {
          conflicts++;
          const current = body.error.details.current.version;
          if (current <= version) unexpected.push(`409 for version ${version} carried current version ${current}`);
          if (current > known.get(claimId)!) known.set(claimId, current);
        } else {
          unexpected.push(`PATCH answered ${res.status}: ${JSON.stringify(body).slice(0, 200)}`);
        }
      }
    }),
  );

  let lost = 0;
  let versionGaps = 0;
  let historyMismatches = 0;
  for (const claimId of claimIds) {
    const mine = acks.filter((a) => a.claimId === claimId).sort((a, b) => a.version - b.version);
    mine.forEach((a, i) => {
      if (a.version !== i + 2) versionGaps++;
    });
    const claim = await setup.json<{ version: number; statement: string }>("GET", `/api/v1/claims/${claimId}`);
    const last = mine[mine.length - 1];
    if (last && (claim.version !== last.version || claim.statement !== last.statement)) lost++;
    const { history } = await setup.json<{ history: Array<{ action: string; after: { statement?: string } | null }> }>("GET", `/api/v1/claims/${claimId}/history`);
    const updates = history.filter((h) => h.action === "claim.update").map((h) => h.after?.statement);
    if (updates.length !== mine.length) historyMismatches += Math.abs(updates.length - mine.length);
    // Every acknowledged value is in the history, at its version's place.
    mine.forEach((a, i) => {
      if (updates[i] !== a.statement) lost++;
    });
  }
  return { clients, updatesPerClient, acknowledged: acks.length, conflicts, lost, versionGaps, historyMismatches, unexpected };
}
