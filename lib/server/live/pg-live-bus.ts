import "server-only";
import pg from "pg";
import { db } from "@/lib/db";
import { ListenerSet } from "./listener-set";
import { toLiveMessage } from "./live-rows";
import { LIVE_CHANNEL, type AccessSignal, type LiveBus, type LiveBusListener, type LiveMessage } from "./live-types";

const BACKOFF_MS = [250, 500, 1000, 2000, 5000];
/** A query on the LISTEN connection this often notices a connection that died silently. */
const PROBE_MS = 20_000;

type Wire = { e: LiveMessage } | { ref: number } | { access: AccessSignal };

/**
 * PostgreSQL: one dedicated LISTEN connection per server process fans NOTIFY out to this
 * server's streams. NOTIFY is sent inside the writing transaction, so only committed events
 * arrive. When the connection drops it reconnects with backoff and tells every stream that
 * events may have been missed (clients reload).
 */
export class PgLiveBus implements LiveBus {
  readonly kind = "postgresql" as const;
  private readonly listeners = new ListenerSet();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private attempt = 0;
  private closed = false;
  private probe: ReturnType<typeof setInterval> | null = null;
  private everConnected = false;

  constructor(private readonly url: string | undefined) {
    if (!url) throw new Error("DATABASE_URL is required when DB_PROVIDER=postgresql");
  }

  subscribe(listener: LiveBusListener): () => void {
    const off = this.listeners.add(listener);
    void this.ready().catch(() => undefined);
    return off;
  }

  ready(): Promise<void> {
    if (this.client) return Promise.resolve();
    return (this.connecting ??= this.connect().finally(() => (this.connecting = null)));
  }

  async signalAccess(signal: AccessSignal): Promise<void> {
    await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ access: signal })})`;
  }

  nudge(): void {}

  subscriberCount(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.probe) clearInterval(this.probe);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    for (;;) {
      if (this.closed) throw new Error("live bus closed");
      const client = new pg.Client({ connectionString: this.url, keepAlive: true, application_name: "factmark-live" });
      try {
        await client.connect();
        client.on("notification", (n) => {
          if (n.channel === LIVE_CHANNEL && n.payload) this.receive(n.payload);
        });
        client.on("error", (e) => this.lost(client, e));
        client.on("end", () => this.lost(client));
        await client.query(`LISTEN ${LIVE_CHANNEL}`);
        this.client = client;
        this.attempt = 0;
        this.startProbe(client);
        // Events committed while no connection listened were not heard: streams send "reload".
        if (this.everConnected) this.listeners.gap();
        this.everConnected = true;
        return;
      } catch (e) {
        await client.end().catch(() => undefined);
        const wait = BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)];
        console.error(`live: LISTEN connection failed (${(e as Error).message}); retrying in ${wait} ms`);
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  private startProbe(client: pg.Client) {
    if (this.probe) clearInterval(this.probe);
    this.probe = setInterval(() => {
      client.query("SELECT 1").catch((e) => this.lost(client, e));
    }, PROBE_MS);
    this.probe.unref?.();
  }

  private lost(client: pg.Client, e?: Error) {
    if (this.client !== client) return;
    this.client = null;
    if (this.probe) clearInterval(this.probe);
    void client.end().catch(() => undefined);
    if (this.closed) return;
    console.error(`live: LISTEN connection lost${e ? ` (${e.message})` : ""}; reconnecting`);
    void this.ready().catch(() => undefined);
  }

  private receive(text: string) {
    let wire: Wire;
    try {
      wire = JSON.parse(text) as Wire;
    } catch {
      return;
    }
    if ("e" in wire) this.listeners.event(wire.e);
    else if ("access" in wire) this.listeners.access(wire.access);
    else if ("ref" in wire) {
      db.liveEvent
        .findUnique({ where: { id: wire.ref } })
        .then((row) => row && this.listeners.event(toLiveMessage(row)))
        .catch(() => this.listeners.gap());
    }
  }
}
