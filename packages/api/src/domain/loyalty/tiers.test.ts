import { describe, expect, it } from "vitest";
import { nextTierAfter, tierForSpend } from "./tiers";

const tiers = [
  { id: "m", minSpendCents: 0 },
  { id: "s", minSpendCents: 20_000 },
  { id: "g", minSpendCents: 100_000 },
];

describe("tierForSpend", () => {
  it("picks the highest tier the spend reaches, the threshold included", () => {
    expect(tierForSpend(tiers, 0).id).toBe("m");
    expect(tierForSpend(tiers, 19_999).id).toBe("m");
    expect(tierForSpend(tiers, 20_000).id).toBe("s");
    expect(tierForSpend(tiers, 5_000_000).id).toBe("g");
  });

  it("names the next tier, none at the top", () => {
    expect(nextTierAfter(tiers, { minSpendCents: 0 })?.id).toBe("s");
    expect(nextTierAfter(tiers, { minSpendCents: 100_000 })).toBeNull();
  });

  it("refuses a table without a tier at zero", () => {
    expect(() => tierForSpend([{ minSpendCents: 10 }], 0)).toThrow(/Member/);
  });
});
