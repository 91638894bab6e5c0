import { describe, expect, it } from "vitest";
import { centsToPriceText, parsePriceToCents } from "./seller";

describe("prices typed by people", () => {
  it.each([
    ["19.99", 1999],
    ["19.9", 1990],
    ["19.", 1900],
    ["19", 1900],
    ["0", 0],
    [" $5 ", 500],
    ["1,250.00", 125_000],
    ["1,234,567.89", 123_456_789],
    ["0.10", 10],
  ])("reads %j as %i cents", (text, cents) => {
    expect(parsePriceToCents(text)).toBe(cents);
  });

  it.each(["", "abc", "-5", "1.999", "1e3", "12,34", "1,2345.00", ".5", "19.99 USD", "9999999999"])("refuses %j", (text) => {
    expect(parsePriceToCents(text)).toBeNull();
  });

  it("writes cents back the way the field reads them", () => {
    expect([1999, 500, 5, 0, 125_000, -250].map(centsToPriceText)).toEqual(["19.99", "5.00", "0.05", "0.00", "1250.00", "-2.50"]);
    for (const cents of [0, 1, 99, 100, 12_345, 99_999_999]) expect(parsePriceToCents(centsToPriceText(cents))).toBe(cents);
  });
});
