import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { DurableSQLite3 } from "./sqlite-adapter";
import { cachePreparedStatements } from "./statement-cache";

type Prepared = { bind(args: unknown[]): { reader: boolean; columns(): { name: string }[]; run(): { changes: number }; raw(): { all(): unknown[][] } }; run(): unknown };

function client(size?: number) {
  const db = new Database(":memory:");
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (id, name) VALUES (1, 'one'), (2, 'two'), (3, 'three');`);
  const spy = vi.spyOn(db, "prepare");
  cachePreparedStatements(db, size);
  const prepare = (sql: string) => (db as unknown as { prepare(sql: string): Prepared }).prepare(sql);
  return { db, spy, prepare };
}

describe("cachePreparedStatements", () => {
  it("prepares a statement once and runs it with each call's arguments", () => {
    const { spy, prepare } = client();
    const sql = "SELECT id, name FROM t WHERE id >= ? ORDER BY id";
    const first = prepare(sql).bind([2]);
    expect(first.reader).toBe(true);
    expect(first.columns().map((c) => c.name)).toEqual(["id", "name"]);
    expect(first.raw().all()).toEqual([[2, "two"], [3, "three"]]);
    expect(prepare(sql).bind([3]).raw().all()).toEqual([[3, "three"]]);
    // Arguments bound earlier do not stick to the kept statement.
    expect(first.raw().all()).toEqual([[2, "two"], [3, "three"]]);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("runs writes with their arguments, and statements without any", () => {
    const { prepare } = client();
    expect(prepare("UPDATE t SET name = ? WHERE id = ?").bind(["uno", 1]).run().changes).toBe(1);
    expect(prepare("UPDATE t SET name = ? WHERE id = ?").bind(["dos", 2]).run().changes).toBe(1);
    prepare("BEGIN").run();
    prepare("DELETE FROM t WHERE id = ?").bind([3]).run();
    prepare("ROLLBACK").bind([]).run();
    expect(prepare("SELECT name FROM t ORDER BY id").bind([]).raw().all()).toEqual([["uno"], ["dos"], ["three"]]);
  });

  it("keeps at most `size` statements, dropping the least recently used", () => {
    const { spy, prepare } = client(2);
    const a = "SELECT 1", b = "SELECT 2", c = "SELECT 3";
    for (const sql of [a, b, a, c, a, b]) prepare(sql).bind([]).raw().all();
    // a, b prepared; a reused; c evicts b; a reused; b prepared again.
    expect(spy.mock.calls.map(([sql]) => sql)).toEqual([a, b, c, b]);
  });

  it("leaves errors to the adapter: a bad statement throws when prepared", () => {
    const { prepare } = client();
    expect(() => prepare("SELECT nope FROM t")).toThrow(/no such column/);
  });
});

describe("DurableSQLite3 with kept statements", () => {
  it("answers the same query with different arguments through Prisma's adapter", async () => {
    const connection = await new DurableSQLite3({ url: ":memory:" }).connect();
    await connection.executeScript(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'one'), (2, 'two');`);
    const query = (id: number) =>
      connection.queryRaw({ sql: "SELECT name FROM t WHERE id = ?", args: [id], argTypes: [{ scalarType: "int", arity: "scalar" }] } as never);
    expect((await query(1)).rows).toEqual([["one"]]);
    expect((await query(2)).rows).toEqual([["two"]]);
    expect(await connection.executeRaw({ sql: "UPDATE t SET name = ? WHERE id = ?", args: ["uno", 1], argTypes: [{ scalarType: "string", arity: "scalar" }, { scalarType: "int", arity: "scalar" }] } as never)).toBe(1);
    expect((await query(1)).rows).toEqual([["uno"]]);
    await connection.dispose();
  });
});
