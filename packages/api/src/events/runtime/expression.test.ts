import { describe, expect, it } from "vitest";
import { evaluateCondition, keyOf, parseCondition, parseEventPath } from "./expression";

describe("conditions", () => {
  const event = { data: { cartId: "c1", buyerId: "b1", count: 3 } };

  it("compares the triggering event with the incoming one, as cancelOn's match compiles", () => {
    const condition = parseCondition("event.data.cartId == async.data.cartId");
    expect(evaluateCondition(condition, { event, async: { data: { cartId: "c1" } } })).toBe(true);
    expect(evaluateCondition(condition, { event, async: { data: { cartId: "c2" } } })).toBe(false);
  });

  it("joins comparisons with && and reads literals", () => {
    const condition = parseCondition("event.data.buyerId != null && event.data.count == 3 && event.data.cartId == 'c1'");
    expect(evaluateCondition(condition, { event })).toBe(true);
    expect(evaluateCondition(condition, { event: { data: { ...event.data, buyerId: null } } })).toBe(false);
  });

  it("treats a missing field like null", () => {
    expect(evaluateCondition(parseCondition("event.data.nothing == null"), { event })).toBe(true);
  });

  it("refuses expressions it does not understand", () => {
    expect(() => parseCondition("event.data.count > 2")).toThrow(/Unsupported/);
    expect(() => parseCondition("size(event.data.items) == 2")).toThrow(/Unsupported/);
  });
});

describe("keys", () => {
  it("reads a key path from an event", () => {
    const path = parseEventPath("event.data.stockLevelId");
    expect(path).toEqual(["data", "stockLevelId"]);
    expect(keyOf(path, { data: { stockLevelId: "s1" } })).toBe('"s1"');
    expect(keyOf(path, { data: {} })).toBe("null");
  });

  it("refuses keys that are not event paths", () => {
    expect(() => parseEventPath("async.data.x")).toThrow(/Unsupported key/);
  });
});
