import { describe, expect, it } from "vitest";
import { closestVariant, imagesForVariant, pickerKind, valueChoices, wantedFromQuery, withVariantQuery, variantQuery } from "./variant-selection";

// A helmet like the demo's: S / Blue is not offered, L / Blue is sold out.
const options = [
  { name: "Size", values: ["S", "M", "L"] },
  { name: "Colour", values: ["Black", "White", "Blue"] },
];
const variants = options[0]!.values.flatMap((size) =>
  options[1]!.values.filter((colour) => `${size}/${colour}` !== "S/Blue").map((colour) => ({ id: `${size}-${colour}`, optionValues: [size, colour] })),
);
const stockOf = (soldOut: string[]) => new Map(variants.map((variant) => [variant.id, soldOut.includes(variant.id) ? 0 : 5]));
const stock = stockOf(["L-Blue"]);
const byId = (id: string) => variants.find((variant) => variant.id === id)!;

describe("closestVariant", () => {
  it("opens on the first variant in stock when nothing is asked for", () => {
    expect(closestVariant(variants, [undefined, undefined], stock)?.id).toBe("S-Black");
    expect(closestVariant(variants, [undefined, undefined], stockOf(["S-Black", "S-White"]))?.id).toBe("M-Black");
  });

  it("falls back to the first variant when all are sold out", () => {
    expect(closestVariant(variants, [undefined, undefined], stockOf(variants.map((v) => v.id)))?.id).toBe("S-Black");
  });

  it("returns the exact combination asked for, even sold out", () => {
    expect(closestVariant(variants, ["M", "White"], stock)?.id).toBe("M-White");
    expect(closestVariant(variants, ["L", "Blue"], stock)?.id).toBe("L-Blue");
  });

  it("keeps as many asked-for values as a variant has, for a partial or impossible request", () => {
    expect(closestVariant(variants, [undefined, "Blue"], stock)?.id).toBe("M-Blue");
    expect(closestVariant(variants, ["S", "Blue"], stock)?.id).toBe("S-Black");
  });

  it("prefers a variant in stock among equally close ones", () => {
    expect(closestVariant(variants, [undefined, "White"], stockOf(["S-White"]))?.id).toBe("M-White");
  });

  it("keeps the fixed options, and finds nothing when no variant has them", () => {
    expect(closestVariant(variants, ["S", "Blue"], stock, 1)?.id).toBe("S-Black");
    expect(closestVariant(variants, ["S", "Blue"], stock, 2)).toBeNull();
  });

  it("selects the one variant of a product without options", () => {
    const only = [{ id: "v1", optionValues: [] }];
    expect(closestVariant(only, [], new Map())?.id).toBe("v1");
  });
});

describe("valueChoices", () => {
  it("offers every value of the first option, marking the ones sold out with the other choices", () => {
    const choices = valueChoices(options, variants, byId("M-Blue"), 0, stock);
    expect(choices.map((c) => [c.value, c.variant?.id, c.soldOut])).toEqual([
      ["S", "S-Black", false],
      ["M", "M-Blue", false],
      ["L", "L-Blue", true],
    ]);
  });

  it("disables a later value that does not exist with the earlier choices", () => {
    const choices = valueChoices(options, variants, byId("S-White"), 1, stock);
    expect(choices.map((c) => [c.value, c.variant?.id ?? null])).toEqual([
      ["Black", "S-Black"],
      ["White", "S-White"],
      ["Blue", null],
    ]);
  });

  it("marks a sold-out combination as sold out but still selectable", () => {
    const blue = valueChoices(options, variants, byId("L-Black"), 1, stock).find((c) => c.value === "Blue");
    expect(blue).toMatchObject({ variant: { id: "L-Blue" }, soldOut: true });
  });

  it("never locks a buyer out: each variant is reachable from any other by picking options in order", () => {
    const sparse = [
      { id: "a", optionValues: ["A", "X"] },
      { id: "b", optionValues: ["B", "Y"] },
    ];
    const opts = [
      { name: "One", values: ["A", "B"] },
      { name: "Two", values: ["X", "Y"] },
    ];
    const full = new Map([
      ["a", 1],
      ["b", 1],
    ]);
    expect(valueChoices(opts, sparse, sparse[0]!, 0, full).find((c) => c.value === "B")?.variant?.id).toBe("b");
  });
});

describe("the selection in the URL", () => {
  it("reads known values by option name and ignores the rest", () => {
    expect(wantedFromQuery(options, new URLSearchParams("Size=M&Colour=Purple&utm=x"))).toEqual(["M", undefined]);
    expect(wantedFromQuery(options, new URLSearchParams("colour=Blue"))).toEqual([undefined, undefined]);
  });

  it("writes a variant's values, keeping other parameters", () => {
    expect(variantQuery(options, ["M", "Blue"])).toBe("Size=M&Colour=Blue");
    expect(variantQuery([{ name: "Frame size", values: ["S"] }], ["S"])).toBe("Frame+size=S");
    expect(withVariantQuery("?ref=mail&Size=S", options, ["L", "White"])).toBe("?ref=mail&Size=L&Colour=White");
    expect(withVariantQuery("", [], [])).toBe("");
  });
});

describe("pickers and pictures", () => {
  it("uses buttons up to 8 values and a select beyond", () => {
    expect(pickerKind({ name: "Size", values: ["1", "2", "3", "4", "5", "6", "7", "8"] })).toBe("buttons");
    expect(pickerKind({ name: "Size", values: ["1", "2", "3", "4", "5", "6", "7", "8", "9"] })).toBe("select");
  });

  it("puts the variant's picture first", () => {
    const images = [{ id: "a" }, { id: "b" }, { id: "c" }];
    expect(imagesForVariant(images, "c").map((i) => i.id)).toEqual(["c", "a", "b"]);
    expect(imagesForVariant(images, null).map((i) => i.id)).toEqual(["a", "b", "c"]);
    expect(imagesForVariant(images, "gone").map((i) => i.id)).toEqual(["a", "b", "c"]);
  });
});
