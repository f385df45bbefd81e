import fc from "fast-check";

// Request bodies for every write operation of the OpenAPI document, generated from the
// document itself (fast-check): mostly shaped like the schema (so they reach the services),
// with hostile strings, wrong types, missing and unknown fields, and broken JSON mixed in.
// Used by the in-process quick fuzz (tests/integration/reliability-quick.test.ts) and by the
// HTTP fuzzer of `npm run test:reliability` (scripts/reliability/fuzz.ts).

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
};

export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: Array<{ in: string; name: string }> }>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface WriteOperation {
  method: "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path template as in the document, e.g. /api/v1/claims/{id}. */
  path: string;
  /** JSON body schema, when the operation takes one. */
  schema: Schema | null;
  multipart: boolean;
}

export interface FuzzCase {
  method: string;
  path: string;
  /** Raw body text (may be invalid JSON on purpose) or null for none. */
  body: string | null;
  contentType: string | null;
  /** The operation it exercises, e.g. "PATCH /api/v1/claims/{id}". */
  operation: string;
}

const WRITE_METHODS = new Set(["post", "patch", "put", "delete"]);

export function writeOperations(doc: OpenApiDocument): WriteOperation[] {
  const ops: WriteOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!WRITE_METHODS.has(method)) continue;
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase() as WriteOperation["method"],
        path,
        schema: content["application/json"]?.schema ?? null,
        multipart: "multipart/form-data" in content,
      });
    }
  }
  return ops;
}

/** Strings that have broken things before, or should be refused cleanly. */
export const HOSTILE_STRINGS = [
  "",
  " ",
  "\ud800",
  "x\udc00y",
  "\u0000",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "https://example.org/a?b=c#d",
  "http://127.0.0.1:22/",
  "%ZZ",
  "2024-02-30",
  "1970-01-01",
  "🙂".repeat(300),
  "\u202eevil",
  "a".repeat(70_000),
  "{\"$ne\":1}",
  "' OR 1=1 --",
  "../../etc/passwd",
  "null",
];

function resolve(schema: Schema, doc: OpenApiDocument): Schema {
  let s = schema;
  for (let i = 0; i < 10 && s.$ref; i++) s = doc.components?.schemas?.[s.$ref.replace("#/components/schemas/", "")] ?? {};
  return s;
}

const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true }),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

function stringArb(s: Schema, ids: string[]): fc.Arbitrary<string> {
  const max = Math.min(s.maxLength ?? 200, 2_000);
  const options: fc.Arbitrary<string>[] = [
    fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(max, 60) }),
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.constant("x".repeat((s.maxLength ?? 1000) + 1)),
  ];
  if (s.format === "uri" || /url/i.test(s.pattern ?? "")) options.push(fc.webUrl());
  if (s.format === "date" || s.format === "date-time") options.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, s.format === "date" ? 10 : 24)));
  if (ids.length) options.push(fc.constantFrom(...ids));
  return fc.oneof(...options);
}

/** An arbitrary for values of `schema`; `wild` is the chance of any node being replaced by junk. */
export function schemaArbitrary(schema: Schema, doc: OpenApiDocument, ids: string[] = [], depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  const shaped = ((): fc.Arbitrary<unknown> => {
    if (depth > 6) return anyJson;
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const union = s.anyOf ?? s.oneOf;
    if (union?.length) return fc.oneof(...union.map((u) => schemaArbitrary(u, doc, ids, depth + 1)));
    if (s.allOf?.length) return schemaArbitrary(Object.assign({}, ...s.allOf.map((a) => resolve(a, doc))), doc, ids, depth + 1);
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ["object"] : [];
    if (types.length > 1) return fc.oneof(...types.map((t) => schemaArbitrary({ ...s, type: t }, doc, ids, depth + 1)));
    switch (types[0]) {
      case "null":
        return fc.constant(null);
      case "boolean":
        return fc.boolean();
      case "integer":
        return fc.oneof(fc.integer({ min: s.minimum ?? -5, max: s.maximum ?? 1_000 }), fc.constantFrom(0, -1, 1, 2 ** 31, Number.MAX_SAFE_INTEGER));
      case "number":
        return fc.oneof(fc.double({ noNaN: true, min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 }), fc.constant(1e308));
      case "string":
        return stringArb(s, ids);
      case "array":
        return fc.array(s.items ? schemaArbitrary(s.items, doc, ids, depth + 1) : anyJson, { minLength: 0, maxLength: Math.min(s.maxItems ?? 4, 6) });
      case "object": {
        const props = Object.entries(s.properties ?? {});
        const required = new Set(s.required ?? []);
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, sub] of props) record[key] = schemaArbitrary(sub, doc, ids, depth + 1);
        const base = fc.record(record, { requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)) });
        // Sometimes an unknown field, sometimes a required one missing.
        return fc.tuple(base, fc.option(fc.constantFrom("unknownField", "__proto__", "constructor", "toString"), { freq: 8 }), fc.option(fc.constantFrom(...(s.required ?? ["_"])), { freq: 8 })).map(([value, extra, drop]) => {
          const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
          if (extra) Object.defineProperty(out, extra, { value: 1, enumerable: true, configurable: true, writable: true });
          if (drop) delete out[drop];
          return out;
        });
      }
      default:
        return anyJson;
    }
  })();
  return fc.oneof({ weight: 12, arbitrary: shaped }, { weight: 1, arbitrary: anyJson });
}

/** Fills {id}-style path parameters from the given ids (or junk). */
export function pathArbitrary(path: string, ids: string[]): fc.Arbitrary<string> {
  const params = path.match(/\{[^}]+\}/g) ?? [];
  if (!params.length) return fc.constant(path);
  const value = fc.oneof({ weight: 6, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.constant("x") }, { weight: 1, arbitrary: fc.constantFrom("nope", "0", "%20", "a".repeat(300), "..%2F..%2Fetc") });
  return fc.array(value, { minLength: params.length, maxLength: params.length }).map((vals) => {
    let i = 0;
    return path.replace(/\{[^}]+\}/g, () => encodeURIComponent(vals[i++]).replace(/%25/g, "%"));
  });
}

/** One fuzz case for the operation: usually a JSON body, sometimes broken JSON or the wrong type. */
export function caseArbitrary(op: WriteOperation, doc: OpenApiDocument, ids: string[]): fc.Arbitrary<FuzzCase> {
  const body = op.schema ? schemaArbitrary(op.schema, doc, ids) : fc.oneof(fc.constant(undefined), anyJson);
  const framing = fc.constantFrom("json", "json", "json", "json", "json", "json", "truncated", "garbage", "empty");
  return fc.tuple(pathArbitrary(op.path, ids), body, framing).map(([path, value, frame]) => {
    const json = value === undefined ? null : JSON.stringify(value);
    const text =
      frame === "truncated" && json ? json.slice(0, Math.max(1, json.length - 3)) : frame === "garbage" ? "\u0000\u00ff{{" : frame === "empty" ? null : json;
    return { method: op.method, path, body: text, contentType: text === null ? null : "application/json", operation: `${op.method} ${op.path}` };
  });
}

/** `count` cases spread over every operation, reproducible from `seed`. */
export function generateCases(doc: OpenApiDocument, ids: string[], count: number, seed: number): FuzzCase[] {
  const ops = writeOperations(doc);
  const perOp = Math.ceil(count / ops.length);
  return ops.flatMap((op, i) => fc.sample(caseArbitrary(op, doc, ids), { numRuns: perOp, seed: seed + i }));
}
