import { describe, expect, it } from "vitest";
import { bpsToInput, centsToInput, formatBps, formatRatio, humanize, parseMoneyInput, parsePercentInput } from "./format";

describe("admin console formatting", () => {
  it("reads money and percentages typed by a person", () => {
    expect(parseMoneyInput("$1,299.5")).toBe(129950);
    expect(parseMoneyInput(" ")).toBeNull();
    expect(parseMoneyInput("12.345")).toBeNaN();
    expect(parsePercentInput("12.5%")).toBe(1250);
    expect(parsePercentInput("abc")).toBeNaN();
  });

  it("writes them back the same way", () => {
    expect(centsToInput(129950)).toBe("1299.50");
    expect(bpsToInput(1250)).toBe("12.5");
    expect(formatBps(1000)).toBe("10%");
    expect(formatRatio(0.375)).toBe("37.5%");
    expect(formatRatio(null)).toBe("—");
    expect(humanize("PENDING_PAYMENT")).toBe("Pending payment");
  });
});
