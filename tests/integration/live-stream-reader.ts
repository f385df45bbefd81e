// Reads a Server-Sent Events stream in the background, for tests of lib/server/live.
export interface SseFrame {
  id?: string;
  event?: string;
  data?: Record<string, unknown>;
}

export function readSse(stream: ReadableStream<Uint8Array>) {
  const frames: SseFrame[] = [];
  let raw = "";
  let ended = false;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        raw += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = raw.indexOf("\n\n")) >= 0) {
          const block = raw.slice(0, cut);
          raw = raw.slice(cut + 2);
          const frame: SseFrame = {};
          for (const line of block.split("\n")) {
            if (line.startsWith("id: ")) frame.id = line.slice(4);
            else if (line.startsWith("event: ")) frame.event = line.slice(7);
            else if (line.startsWith("data: ")) frame.data = JSON.parse(line.slice(6)) as Record<string, unknown>;
          }
          if (frame.id || frame.event || frame.data) frames.push(frame);
        }
      }
    } catch {
      // errored streams end too
    }
    ended = true;
  })();
  return {
    frames,
    get ended() {
      return ended;
    },
    /** Waits until `pred` holds (polling), or fails after `ms`. */
    async until(pred: () => boolean, ms = 5000) {
      const start = Date.now();
      while (!pred()) {
        if (Date.now() - start > ms) throw new Error(`timed out; frames: ${JSON.stringify(frames)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    types: () => frames.filter((f) => f.data?.type).map((f) => String(f.data!.type)),
    cancel: () => reader.cancel().catch(() => undefined),
  };
}
