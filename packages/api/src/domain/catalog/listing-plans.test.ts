import { describe, expect, it } from "vitest";
import { listingPlanDependsOnValues } from "./search-products";

// Which listings keep a prepared plan (the same for any values) and which are planned per call.
describe("listingPlanDependsOnValues", () => {
  it("keeps a plan for pages by category, shop, sort, stock and cursor", () => {
    for (const input of [undefined, {}, { category: "audio", sort: "price_asc" as const }, { seller: "oak", inStock: true, cursor: "abc" }]) {
      expect(listingPlanDependsOnValues(input)).toBe(false);
    }
  });

  it("plans a price range, an option or a search for its values", () => {
    for (const input of [{ minPriceCents: 0 }, { category: "audio", maxPriceCents: 9000 }, { options: ["Colour:Blue"] }, { q: "lamp" }]) {
      expect(listingPlanDependsOnValues(input)).toBe(true);
    }
  });
});
