import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suggestVariantSku, variantCombinations, variantDisplayName, variantProblems, variantTitle, type VariantInput } from "./variants";

const variant = (optionValues: string[], sku: string, overrides: Partial<VariantInput> = {}): VariantInput => ({
  optionValues,
  sku,
  priceCents: 1000,
  status: "ACTIVE",
  ...overrides,
});

describe("variant rules", () => {
  it("lists every combination, first option slowest, and one empty combination for no options", () => {
    expect(variantCombinations([{ values: ["S", "M"] }, { values: ["Blue", "Black"] }])).toEqual([
      ["S", "Blue"],
      ["S", "Black"],
      ["M", "Blue"],
      ["M", "Black"],
    ]);
    expect(variantCombinations([])).toEqual([[]]);
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), { maxLength: 3 }), (values) => {
        const combos = variantCombinations(values.map((v) => ({ values: v })));
        expect(combos).toHaveLength(values.reduce((n, v) => n * v.length, 1));
        expect(new Set(combos.map((c) => JSON.stringify(c))).size).toBe(combos.length);
      }),
    );
  });

  it("names variants for buyers and suggests readable SKUs", () => {
    expect(variantTitle(["M", "Blue"])).toBe("M / Blue");
    expect(variantDisplayName("Hoodie", "M / Blue")).toBe("Hoodie — M / Blue");
    expect(variantDisplayName("Lamp", "")).toBe("Lamp");
    expect(suggestVariantSku("HOOD", ["M", "Heather Grey"])).toBe("HOOD-M-HEATHERGREY");
    expect(suggestVariantSku("SOFA", ["Cream Bouclé"])).toBe("SOFA-CREAMBOUCLE");
  });

  it("explains what is wrong with a matrix", () => {
    const options = [
      { name: "Size", values: ["S", "M"] },
      { name: "Colour", values: ["Blue"] },
    ];
    expect(variantProblems({ options, variants: [variant(["S", "Blue"], "A"), variant(["M", "Blue"], "B")] })).toEqual([]);
    expect(variantProblems({ options, variants: [variant(["S", "Blue"], "A"), variant(["S", "Blue"], "B")] })).toEqual(['"S / Blue" is listed twice.']);
    expect(variantProblems({ options, variants: [variant(["S", "Blue"], "A"), variant(["M", "Blue"], "a")] })).toEqual(["SKU a is used by two variants."]);
    expect(variantProblems({ options, variants: [variant(["S"], "A")] })).toEqual(['"S" needs one value for each option (Size, Colour).']);
    expect(variantProblems({ options, variants: [variant(["L", "Blue"], "A")] })).toEqual(['"L / Blue": "L" is not a value of Size.']);
    expect(variantProblems({ options, variants: [variant(["S", "Blue"], "A", { compareAtPriceCents: 900 })] })).toEqual([
      '"S / Blue": the compare-at price must be above the price.',
    ]);
    expect(
      variantProblems({
        options: [
          { name: "Size", values: ["S"] },
          { name: "size", values: ["M"] },
        ],
        variants: [variant(["S", "M"], "A")],
      }),
    ).toContain("Each option needs its own name.");
    expect(variantProblems({ options: [], variants: [variant([], "A"), variant([], "B")] })).toContain("A product without options has exactly one variant.");
  });
});
