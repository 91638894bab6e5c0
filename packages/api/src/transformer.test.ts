import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeAnswer } from "./transformer";

// The payload must be exactly superjson's, byte for byte once stringified: the clients decode it
// with superjson (and the product page's lean client reads its Date and undefined annotations).
const same = (value: unknown) => {
  const fast = JSON.stringify(serializeAnswer(value));
  expect(fast).toBe(JSON.stringify(superjson.serialize(value)));
  return JSON.parse(fast) as { json: unknown; meta?: { values?: Record<string, string[]> } };
};

const at = new Date("2026-12-06T15:20:44.123Z");

describe("serializeAnswer", () => {
  it("writes JSON, Dates and undefined as superjson does, annotations in its order and path escaping", () => {
    const answer = {
      id: "p1",
      price: 1999,
      ratio: 0.25,
      flags: [true, false, null],
      publishedAt: at,
      seller: { id: "s1", joinedAt: at.toISOString(), since: new Date(0) },
      related: [
        { id: "r1", createdAt: new Date("2026-01-01T00:00:00Z"), tags: ["a", undefined] },
        { id: "r2", createdAt: new Date("2026-01-02T00:00:00Z"), tags: [] },
      ],
      "odd.key": { "back\\slash": new Date(1), nested: [[new Date(2)]] },
      empty: {},
      nothing: null,
      nullProto: Object.assign(Object.create(null) as object, { at: new Date(3) }),
    };
    const payload = same(answer);
    // The answer itself is the JSON: nothing was copied.
    expect(serializeAnswer(answer).json).toBe(answer);
    expect(payload.meta?.values).toMatchObject({ publishedAt: ["Date"], "related.0.tags.1": ["undefined"], "odd\\.key.back\\\\slash": ["Date"] });
    expect(superjson.deserialize(payload as never)).toEqual(answer);
  });

  it("sends plain JSON without meta, and roots that are not objects or arrays as superjson does", () => {
    expect(same({ a: 1, b: ["x"] })).toEqual({ json: { a: 1, b: ["x"] } });
    for (const root of [null, 3, "text", true, at, [at, 1], []]) same(root);
  });

  it("leaves to superjson what only it can encode: bigint, Map, Set, classes, odd numbers, one object twice, bad keys", () => {
    class Money {
      constructor(readonly cents: number) {}
    }
    const shared = { id: "x" };
    const sameDate = new Date(5);
    for (const value of [
      { n: 10n },
      { m: new Map([["a", 1]]) },
      { s: new Set([1]) },
      { c: new Money(5) },
      { x: Number.NaN },
      { x: Number.POSITIVE_INFINITY },
      { x: -0 },
      { a: shared, b: shared },
      { a: sameDate, b: [sameDate] },
      { r: /x/ },
      { e: new Error("boom") },
      { u: new URL("https://shop.test/") },
      { a: 1, gone: undefined },
    ]) {
      same(value);
    }
    expect(() => serializeAnswer(JSON.parse('{"__proto__": {"a": 1}}'))).toThrow(/prototype pollution/);
  });
});
