import type { AccessSignal, LiveBusListener, LiveMessage } from "./live-types";

/** The subscribers of one bus; a throwing subscriber never stops delivery to the others. */
export class ListenerSet {
  private readonly listeners = new Set<LiveBusListener>();

  add(listener: LiveBusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  event(message: LiveMessage) {
    this.each((l) => l.event(message));
  }

  access(signal: AccessSignal) {
    this.each((l) => l.access(signal));
  }

  gap() {
    this.each((l) => l.gap());
  }

  private each(fn: (l: LiveBusListener) => void) {
    for (const l of [...this.listeners]) {
      try {
        fn(l);
      } catch (e) {
        console.error("live: a subscriber failed", e);
      }
    }
  }
}
