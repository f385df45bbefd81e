import "server-only";
import { db } from "@/lib/db";
import { ListenerSet } from "./listener-set";
import { toLiveMessage } from "./live-rows";
import type { AccessSignal, LiveBus, LiveBusListener } from "./live-types";

const IDLE_POLL_MS = 1000;
// A write nudges the bus from inside its transaction; the row is readable once it commits.
const NUDGE_DELAYS_MS = [5, 40, 200];

/**
 * SQLite (one server): an in-process bus. Writers nudge it; it reads new rows from the event
 * table in id order (SQLite has one writer, so ids are in commit order and a rolled-back
 * event is never read). A slow poll catches anything a nudge missed.
 */
export class PollLiveBus implements LiveBus {
  readonly kind = "sqlite" as const;
  private readonly listeners = new ListenerSet();
  private lastId: number | null = null;
  private polling: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setInterval> | null = null;

  subscribe(listener: LiveBusListener): () => void {
    const off = this.listeners.add(listener);
    if (!this.timer) {
      this.timer = setInterval(() => void this.poll(), IDLE_POLL_MS);
      this.timer.unref?.();
      void this.poll();
    }
    return () => {
      off();
      if (this.listeners.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  async ready(): Promise<void> {
    while (this.lastId === null) await this.poll();
  }

  async signalAccess(signal: AccessSignal): Promise<void> {
    this.listeners.access(signal);
  }

  nudge(): void {
    if (this.listeners.size === 0) return;
    for (const ms of NUDGE_DELAYS_MS) setTimeout(() => void this.poll(), ms).unref?.();
  }

  subscriberCount(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.polling;
  }

  private poll(): Promise<void> {
    if (this.polling) {
      this.again = true;
      return this.polling;
    }
    this.polling = this.read()
      .catch((e) => console.error("live: reading events failed", e))
      .finally(() => {
        this.polling = null;
        if (this.again) {
          this.again = false;
          void this.poll();
        }
      });
    return this.polling;
  }

  private async read() {
    if (this.lastId === null) {
      const last = await db.liveEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
      this.lastId = last?.id ?? 0;
      return;
    }
    let after: number = this.lastId;
    for (;;) {
      const rows = await db.liveEvent.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: 200 });
      for (const row of rows) {
        this.lastId = after = row.id;
        this.listeners.event(toLiveMessage(row));
      }
      if (rows.length < 200) return;
    }
  }
}
