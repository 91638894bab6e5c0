import { VariantStatus } from "@bazaar/db/enums";
import { z } from "zod";
import { ZId } from "./cart";
import { ZPriceCents, ZSku } from "./catalog";

// A product's options (Size: S/M/L) and variants (one per combination the seller offers), as the
// seller console edits them and the storefront picks them. Pure: the console's matrix editor and
// the server's checks use the same rules.

export const MAX_OPTIONS = 3;
export const MAX_OPTION_VALUES = 100;
export const MAX_VARIANTS = 300;
export const MAX_WEIGHT_GRAMS = 1_000_000;

const ZOptionText = (label: string, max: number) =>
  z
    .string({ message: `${label} is required.` })
    .trim()
    .min(1, `${label} cannot be empty.`)
    .max(max, `${label} is at most ${max} characters.`)
    .refine((value) => !value.includes("/"), `${label} cannot contain "/" (it separates values in a variant's name).`);

export const ZProductOptionInput = z
  .object({
    name: ZOptionText("An option name", 40),
    values: z
      .array(ZOptionText("An option value", 40))
      .min(1, "Give each option at least one value.")
      .max(MAX_OPTION_VALUES, `An option has at most ${MAX_OPTION_VALUES} values.`),
  })
  .refine((option) => new Set(option.values.map((value) => value.toLowerCase())).size === option.values.length, {
    message: "An option lists each value once.",
    path: ["values"],
  });
export type ProductOptionInput = z.output<typeof ZProductOptionInput>;

export const ZVariantInput = z.object({
  /** The variant being edited; absent for a new combination. */
  id: ZId.optional(),
  optionValues: z.array(z.string().trim().min(1).max(40)).max(MAX_OPTIONS),
  sku: ZSku,
  priceCents: ZPriceCents,
  compareAtPriceCents: ZPriceCents.nullish(),
  weightGrams: z.number().int().min(0).max(MAX_WEIGHT_GRAMS).nullish(),
  /** One of the product's pictures, by id. */
  imageId: ZId.nullish(),
  status: z.enum(VariantStatus).default("ACTIVE"),
});
export type VariantInput = z.output<typeof ZVariantInput>;

export const ZSaveVariantsSchema = z.object({
  productId: ZId,
  options: z.array(ZProductOptionInput).max(MAX_OPTIONS, `A product has at most ${MAX_OPTIONS} options.`),
  variants: z.array(ZVariantInput).min(1, "A product needs at least one variant.").max(MAX_VARIANTS, `A product has at most ${MAX_VARIANTS} variants.`),
});
export type SaveVariantsInput = z.output<typeof ZSaveVariantsSchema>;

/** "M / Blue"; empty for a product without options. */
export const variantTitle = (optionValues: readonly string[]) => optionValues.join(" / ");

/** How a buyer or a packing slip names what was bought: "Hoodie — M / Blue". */
export const variantDisplayName = (productName: string, title: string) => (title ? `${productName} — ${title}` : productName);

/** Every combination of the options' values, in the order buyers see them (first option slowest). */
export function variantCombinations(options: readonly { values: readonly string[] }[]): string[][] {
  return options.reduce<string[][]>((combos, option) => combos.flatMap((combo) => option.values.map((value) => [...combo, value])), [[]]);
}

/** A readable SKU for a generated variant: HOODIE-M-BLUE. */
export function suggestVariantSku(baseSku: string, optionValues: readonly string[]): string {
  const parts = optionValues.map((value) =>
    value
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "")
      .toUpperCase()
      .slice(0, 12),
  );
  return [baseSku, ...parts.filter(Boolean)].join("-").slice(0, 64);
}

/**
 * What is wrong with a set of options and variants, as field errors; empty when they are
 * consistent: every variant names one value of each option, no combination or SKU twice.
 */
export function variantProblems(input: { options: readonly ProductOptionInput[]; variants: readonly VariantInput[] }): string[] {
  const problems: string[] = [];
  const names = input.options.map((option) => option.name.toLowerCase());
  if (new Set(names).size !== names.length) problems.push("Each option needs its own name.");
  if (input.options.length === 0 && input.variants.length !== 1) problems.push("A product without options has exactly one variant.");
  const combos = new Set<string>();
  const skus = new Set<string>();
  for (const variant of input.variants) {
    const label = variant.optionValues.length ? `"${variantTitle(variant.optionValues)}"` : "The product";
    if (variant.optionValues.length !== input.options.length) {
      problems.push(`${label} needs one value for each option (${input.options.map((option) => option.name).join(", ") || "none"}).`);
      continue;
    }
    variant.optionValues.forEach((value, i) => {
      const option = input.options[i];
      if (option && !option.values.includes(value)) problems.push(`${label}: "${value}" is not a value of ${option.name}.`);
    });
    const combo = variant.optionValues.join("\u0000").toLowerCase();
    if (combos.has(combo)) problems.push(`${label} is listed twice.`);
    combos.add(combo);
    const sku = variant.sku.toUpperCase();
    if (skus.has(sku)) problems.push(`SKU ${variant.sku} is used by two variants.`);
    skus.add(sku);
    if (variant.compareAtPriceCents != null && variant.compareAtPriceCents <= variant.priceCents) {
      problems.push(`${label}: the compare-at price must be above the price.`);
    }
  }
  return problems;
}
