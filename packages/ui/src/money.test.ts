import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";

describe("formatMoney", () => {
  it("formats cents in the currency's minor unit", () => {
    expect(formatMoney(129900, "USD")).toBe("$1,299.00");
    expect(formatMoney(5, "USD")).toBe("$0.05");
    expect(formatMoney(-250, "EUR")).toBe("-€2.50");
  });

  it("handles currencies without minor units", () => {
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
  });
});
