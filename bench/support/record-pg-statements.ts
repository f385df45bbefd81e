import pg from "pg";

export interface RecordedStatement {
  text: string;
  values: unknown[];
}

/**
 * Every statement the pg driver sends while `run` runs whose text matches `kinds` (the Prisma
 * adapter goes through pg.Client), with its parameters, so the EXPLAIN benches can explain them.
 */
export async function recordPgStatements(run: () => Promise<unknown>, kinds: RegExp): Promise<RecordedStatement[]> {
  const seen: RecordedStatement[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    const text = typeof first === "string" ? first : (first as { text?: string })?.text;
    const values = (Array.isArray(second) ? second : (first as { values?: unknown[] })?.values) ?? [];
    if (text && kinds.test(text)) seen.push({ text, values });
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    proto.query = original;
  }
  return seen;
}
