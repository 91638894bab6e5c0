import { describe, expect, it } from "vitest";
import { dateParam, oneOf, param, withParams } from "./search-params";

describe("search params", () => {
  it("reads values, allowed values and dates", () => {
    expect(param({ q: "  lamp " }, "q")).toBe("lamp");
    expect(param({ q: ["a", "b"] }, "q")).toBe("a");
    expect(param({ q: " " }, "q")).toBeUndefined();
    expect(oneOf({ s: "PAID" }, "s", ["PAID", "SHIPPED"] as const)).toBe("PAID");
    expect(oneOf({ s: "DROP TABLE" }, "s", ["PAID"] as const)).toBeUndefined();
    expect(dateParam({ d: "2026-03-01" }, "d")?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(dateParam({ d: "yesterday" }, "d")).toBeUndefined();
  });

  it("builds links that keep the other filters", () => {
    expect(withParams("/orders", { status: "PAID", cursor: "x" }, { cursor: "y" })).toBe("/orders?status=PAID&cursor=y");
    expect(withParams("/orders", { status: "PAID", cursor: "x" }, { cursor: undefined })).toBe("/orders?status=PAID");
  });
});
