import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { revive } from "./lean-api";

// The answers lean-api reads are made by the server's superjson transformer: the test feeds it
// exactly what that transformer writes.
const roundTrip = (value: unknown) => {
  const { json, meta } = superjson.serialize(value);
  return revive(JSON.parse(JSON.stringify(json)), meta?.values as Record<string, string[]> | undefined);
};

describe("lean-api's reading of superjson answers", () => {
  it("gives back Dates, nested in arrays and in keys with dots", () => {
    const page = {
      items: [
        { id: "a", createdAt: new Date("2026-12-01T10:00:00Z") },
        { id: "b", createdAt: new Date(0) },
      ],
      nextCursor: null,
    };
    expect(roundTrip(page)).toEqual(page);
    expect(roundTrip({ "a.b": new Date(5), plain: 1 })).toEqual({ "a.b": new Date(5), plain: 1 });
  });

  it("drops keys that were undefined and leaves plain JSON as it is", () => {
    expect(roundTrip({ tierName: undefined, points: 12 })).toEqual({ points: 12 });
    expect(roundTrip({ itemCount: 3, lines: [{ quantity: 1 }] })).toEqual({ itemCount: 3, lines: [{ quantity: 1 }] });
  });

  it("refuses types it cannot rebuild rather than hand back wrong data", () => {
    expect(() => roundTrip({ ids: new Set(["a"]) })).toThrow();
    expect(() => roundTrip({ big: 10n })).toThrow();
  });
});
