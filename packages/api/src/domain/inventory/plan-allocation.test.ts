import { describe, expect, it } from "vitest";
import { availabilityOf } from "./constants";
import { planAllocation } from "./plan-allocation";

describe("planAllocation", () => {
  it("takes from the warehouse with most available first and spills over", () => {
    const rows = [
      { stockLevelId: "a", available: 2 },
      { stockLevelId: "b", available: 5 },
      { stockLevelId: "c", available: 0 },
    ];
    expect(planAllocation(rows, 4)).toEqual([{ stockLevelId: "b", quantity: 4 }]);
    expect(planAllocation(rows, 6)).toEqual([
      { stockLevelId: "b", quantity: 5 },
      { stockLevelId: "a", quantity: 1 },
    ]);
    expect(planAllocation(rows, 8)).toBeNull();
  });
});

describe("availabilityOf", () => {
  it("says out, low or in stock", () => {
    expect(availabilityOf(0, 5)).toBe("out");
    expect(availabilityOf(4, 5)).toBe("low");
    expect(availabilityOf(5, 5)).toBe("in_stock");
  });
});
