import { describe, expect, it } from "vitest";
import { bandsWithin, PRICE_BANDS } from "./search-products";

describe("bandsWithin: which price bands a range holds whole", () => {
  it("gives every band for no range, the bands a range holds, and undefined when it cuts one", () => {
    expect(bandsWithin(undefined, undefined)).toBeNull();
    // The storefront's band links: whole dollars, max = dollars * 100 + 99.
    expect(bandsWithin(2_500, 4_999)).toEqual([1]);
    expect(bandsWithin(0, 2_499)).toEqual([0]);
    expect(bandsWithin(25_000, undefined)).toEqual([PRICE_BANDS.length - 1]);
    expect(bandsWithin(5_000, undefined)).toEqual([2, 3, 4]);
    expect(bandsWithin(undefined, 9_999)).toEqual([0, 1, 2]);
    expect(bandsWithin(1_000, 4_999)).toBeUndefined();
    expect(bandsWithin(2_500, 3_000)).toBeUndefined();
    // Inside the open-ended last band: it cuts it.
    expect(bandsWithin(30_000, 40_000)).toBeUndefined();
  });
});
