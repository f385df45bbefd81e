import { describe, expect, it } from "vitest";
import { LruMap } from "./lru";

describe("LruMap", () => {
  it("keeps at most max entries, dropping the least recently used", () => {
    const m = new LruMap<string, number>(2);
    m.set("a", 1).set("b", 2);
    expect(m.get("a")).toBe(1); // "a" is now the most recent
    m.set("c", 3);
    expect(m.get("b")).toBeUndefined();
    expect(m.get("a")).toBe(1);
    expect(m.get("c")).toBe(3);
    expect(m.size).toBe(2);
  });

  it("setting an existing key replaces it without growing", () => {
    const m = new LruMap<string, number>(2);
    m.set("a", 1).set("a", 2);
    expect(m.size).toBe(1);
    expect(m.get("a")).toBe(2);
    expect(m.delete("a")).toBe(true);
    expect(m.size).toBe(0);
  });
});
