// The API's data transformer: superjson's format both ways (the clients decode with superjson),
// with the server's answers encoded by a leaner walk. superjson.serialize copies every object and
// array of an answer and allocates a path array per node to find the few values JSON cannot carry;
// for a product page's answer (7.5 KB, nine Dates) that was 140 µs of the storefront's CPU against
// 22 µs for JSON.stringify (bench/README.md, session 14). Answers are JSON, Dates and undefined:
// those are found in one walk that copies nothing (JSON.stringify writes a Date as superjson's ISO
// string); anything else (a bigint, a Map, a class, a non-finite number, an object met twice, an
// undefined property) goes to superjson itself, so the payload is always exactly superjson's.
import type { DataTransformer } from "@trpc/server";
import superjson, { type SuperJSONResult } from "superjson";

type Annotations = Record<string, [string]>;

/** superjson's escaping of a key in an annotation's path. */
const escapeKey = (key: string) => key.replace(/\\/g, "\\\\").replace(/\./g, "\\.");

/** What superjson forbids as a key (it throws); left to it. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const isPlainObject = (value: object) => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Adds the annotations of `value` to `out`; false when only superjson can encode it. `path` holds
 * the keys down to `value`, joined into superjson's escaped path only for the few values annotated:
 * building every node's path string (two regular expressions per key) was most of the walk's cost
 * for a listing's answer. `seen` catches an object met twice (superjson records it as a
 * referential equality).
 */
function annotate(value: unknown, path: string[], out: Annotations, seen: Set<object>): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      // NaN, the infinities and -0 are annotated by superjson.
      return Number.isFinite(value) && !Object.is(value, -0);
    case "undefined":
      out[pathKey(path)] = ["undefined"];
      return true;
    case "object": {
      if (value === null) return true;
      if (seen.has(value)) return false;
      seen.add(value);
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) return false;
        out[pathKey(path)] = ["Date"];
        return true;
      }
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          path.push(String(i));
          const ok = annotate(value[i], path, out, seen);
          path.pop();
          if (!ok) return false;
        }
        return true;
      }
      if (!isPlainObject(value)) return false;
      for (const key of Object.keys(value)) {
        const property = (value as Record<string, unknown>)[key];
        // superjson writes an undefined property as null (JSON.stringify would leave it out).
        if (FORBIDDEN_KEYS.has(key) || property === undefined) return false;
        path.push(key);
        const ok = annotate(property, path, out, seen);
        path.pop();
        if (!ok) return false;
      }
      return true;
    }
    default:
      // bigint, symbol, function.
      return false;
  }
}

/** superjson's path of a value: its keys escaped and joined with dots. */
const pathKey = (path: readonly string[]) => path.map(escapeKey).join(".");

/** superjson.serialize's result for `value`, without its copies where the value allows. */
export function serializeAnswer(value: unknown): SuperJSONResult {
  if (typeof value !== "object" || value === null || value instanceof Date) return superjson.serialize(value);
  const values: Annotations = {};
  if (!annotate(value, [], values, new Set())) return superjson.serialize(value);
  // The value itself as the JSON: JSON.stringify writes a Date with toJSON (its ISO string, as
  // superjson writes it) and undefined in an array as null (as superjson does).
  const json = value as SuperJSONResult["json"];
  // superjson's own type for its annotation tree is not exported; a flat map of paths is one.
  const meta = { values: values as NonNullable<SuperJSONResult["meta"]>["values"], v: 1 };
  return Object.keys(values).length === 0 ? { json } : { json, meta };
}

/** tRPC's transformer: inputs decoded by superjson, answers encoded as superjson does (serializeAnswer). */
export const transformer: { input: DataTransformer; output: DataTransformer } = {
  input: superjson,
  output: { serialize: serializeAnswer, deserialize: (payload: SuperJSONResult): unknown => superjson.deserialize(payload) },
};
