// fast-check arbitraries from zod 4 schemas, for fuzzing the API: mostly values close to what the
// schema accepts (so the procedure's body runs, not only its validator), mixed with hostile ones
// (NUL, lone surrogates, huge numbers, wrong types, deep objects, forged cursors).
// It reads zod's definitions (`_zod.def`): the public API has no walker. A zod upgrade that
// changes them shows up as a failing fuzz test, here, and nowhere else.
import fc from "fast-check";
import type { z } from "zod";

interface Def {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  [key: string]: unknown;
}
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

const checksOf = (def: Def) => (def.checks ?? []).map((check) => check._zod.def);

/** Strings no form sends: control characters, broken UTF-16, SQL and path tricks, very long text. */
export const hostileString = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDFFFy",
    "\u001b[31m",
    "' OR 1=1 --",
    "%00",
    "../../etc/passwd",
    "\\",
    "🛒".repeat(50),
    "0".repeat(5_000),
    "",
    " ",
    "NaN",
    "-1",
    "1e309",
    "2026-02-30 00:00:00",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 20 }),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 31, -(2 ** 31) - 1, 1e21, -0, 0.5, Number.NaN, Infinity, -Infinity),
  fc.double(),
  fc.integer(),
);

const deepObject: fc.Arbitrary<unknown> = fc.integer({ min: 5, max: 60 }).map((depth) => {
  let value: unknown = "x";
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
});

/** Anything at all, of any type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, undefined, true, false, [], {}, new Date(Number.NaN), new Date(8.64e15)),
  deepObject,
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  fc.bigInt(),
);

/** Keyset cursors as the catalog makes them (base64url JSON [sort, key, id]), with forged contents. */
export const forgedCursor = fc
  .tuple(
    fc.constantFrom("relevance", "newest", "price_asc", "price_desc", "rating", "other"),
    fc.oneof(hostileString, fc.constantFrom("2026-02-30 00:00:00", "99999999999", "4.5e400", "2026-01-01 00:00:00.000", "12")),
    hostileString,
  )
  .map((parts) => Buffer.from(JSON.stringify(parts)).toString("base64url"));

export interface ArbitraryOptions {
  /** Real ids (products, orders, sellers...) to try in id-like string fields. */
  ids?: readonly string[];
  /** How often a field is replaced by a hostile value, against 4 for a near-valid one (default 1; 0 for none). */
  hostileWeight?: number;
}

const stringFor = (def: Def, options: ArbitraryOptions, key: string | undefined): fc.Arbitrary<unknown> => {
  let min = 0;
  let max = 60;
  let format: string | undefined;
  let enumLike: string[] | undefined;
  for (const check of checksOf(def)) {
    if (check.check === "min_length") min = Number(check.minimum);
    if (check.check === "max_length") max = Number(check.maximum);
    if (check.check === "length_equals") min = max = Number(check.length);
    if (check.check === "string_format") format = String(check.format);
  }
  if (typeof def.format === "string") format = def.format;
  if (key === "cursor") return fc.oneof({ arbitrary: forgedCursor, weight: 3 }, { arbitrary: hostileString, weight: 1 });
  if (format === "email") return fc.oneof(fc.emailAddress(), fc.constant("buyer@bazaar.test"));
  if (format === "url") return fc.oneof(fc.webUrl(), fc.constant("/media/x.png"));
  if (key && /country/i.test(key)) enumLike = ["US", "DE", "GB", "ZZ"];
  if (key && /currency/i.test(key)) enumLike = ["USD", "EUR", "XXX"];
  const upper = Math.min(Math.max(max, min) + 2, 300);
  const plain = fc.string({ minLength: Math.min(min, upper), maxLength: upper });
  const choices: fc.Arbitrary<unknown>[] = [plain, fc.string({ unit: "grapheme-ascii", minLength: Math.min(min, upper), maxLength: upper })];
  if (enumLike) choices.push(fc.constantFrom(...enumLike));
  if (options.ids?.length && max <= 200) choices.push(fc.constantFrom(...options.ids));
  return fc.oneof(...choices);
};

const numberFor = (def: Def): fc.Arbitrary<unknown> => {
  let min = -1_000_000;
  let max = 1_000_000;
  let integer = false;
  for (const check of checksOf(def)) {
    if (check.check === "greater_than") min = Number(check.value);
    if (check.check === "less_than") max = Number(check.value);
    if (check.check === "number_format" && String(check.format).includes("int")) integer = true;
  }
  const lo = Math.max(min, -1e9) - 1;
  const hi = Math.min(max, 1e9) + 1;
  return integer || def.coerce ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true });
};

/** An arbitrary for inputs of `schema`: near-valid most of the time, hostile some of the time. */
export function zodArbitrary(schema: z.ZodType | unknown, options: ArbitraryOptions = {}, key?: string, depth = 0): fc.Arbitrary<unknown> {
  const near = nearValid(schema, options, key, depth);
  const hostileWeight = options.hostileWeight ?? 1;
  return hostileWeight > 0 ? fc.oneof({ arbitrary: near, weight: 4 }, { arbitrary: hostileValue, weight: hostileWeight }) : near;
}

function nearValid(schema: unknown, options: ArbitraryOptions, key: string | undefined, depth: number): fc.Arbitrary<unknown> {
  if (depth > 8) return hostileValue;
  const def = defOf(schema);
  const inner = (next: unknown, nextKey = key) => zodArbitrary(next, options, nextKey, depth + 1);
  switch (def.type) {
    case "string":
      return stringFor(def, options, key);
    case "number":
    case "int":
      return numberFor(def);
    case "bigint":
      return fc.bigInt();
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.date();
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case "optional":
      return fc.option(inner(def.innerType), { nil: undefined });
    case "nullable":
      return fc.option(inner(def.innerType), { nil: null });
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
    case "success":
      return inner(def.innerType);
    case "pipe":
      return inner(defOf(def.in).type === "transform" ? def.out : def.in);
    case "lazy":
      return inner((def.getter as () => unknown)());
    case "union":
      return fc.oneof(...(def.options as unknown[]).map((option) => inner(option)));
    case "intersection":
      return fc.tuple(inner(def.left), inner(def.right)).map(([a, b]) => (isRecord(a) && isRecord(b) ? { ...a, ...b } : a));
    case "array": {
      const max = Math.min(Number(checksOf(def).find((c) => c.check === "max_length")?.maximum ?? 5) + 1, 12);
      return fc.array(inner(def.element), { maxLength: max });
    }
    case "tuple":
      return fc.tuple(...(def.items as unknown[]).map((item) => inner(item)));
    case "record":
      return fc.dictionary(fc.string({ maxLength: 10 }), inner(def.valueType), { maxKeys: 4 });
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const fields = Object.fromEntries(Object.entries(shape).map(([name, field]) => [name, zodArbitrary(field, options, name, depth + 1)]));
      return fc.oneof({ arbitrary: fc.record(fields), weight: 3 }, { arbitrary: fc.record(fields, { requiredKeys: [] }), weight: 1 });
    }
    default:
      return hostileValue;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
