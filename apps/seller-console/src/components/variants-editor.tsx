"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { RouterOutputs } from "@bazaar/api";
import {
  centsToPriceText,
  MAX_OPTIONS,
  parsePriceToCents,
  suggestVariantSku,
  variantCombinations,
  variantProblems,
  variantTitle,
  type VariantInput,
} from "@bazaar/api/validators";
import { Alert, Button, Card, CardBody, CardHeader, Input, Select, Table, TBody, Td, Th, THead } from "@bazaar/ui";
import { errorMessage } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

type Product = RouterOutputs["catalog"]["mineById"];
type Warehouse = RouterOutputs["inventory"]["warehouses"][number];

interface OptionDraft {
  name: string;
  /** Comma-separated, as the seller types them. */
  values: string;
}

interface RowDraft {
  id?: string;
  optionValues: string[];
  sku: string;
  price: string;
  compareAt: string;
  imageId: string;
  selected: boolean;
}

const splitValues = (text: string) => [
  ...new Set(
    text
      .split(",")
      .map((value) => value.trim())
      .filter(Boolean),
  ),
];
const sameValues = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

function rowsOf(product: Pick<Product, "variants">): RowDraft[] {
  return product.variants
    .filter((variant) => variant.status === "ACTIVE")
    .map((variant) => ({
      id: variant.id,
      optionValues: variant.optionValues,
      sku: variant.sku,
      price: centsToPriceText(variant.priceCents),
      compareAt: variant.compareAtPriceCents === null ? "" : centsToPriceText(variant.compareAtPriceCents),
      imageId: variant.imageId ?? "",
      selected: false,
    }));
}

/**
 * Options (Size: S, M, L) and the variants the seller offers: generate the matrix from the
 * options, edit SKU, price, compare-at price and picture per variant, set a price or stock for
 * several at once, and save everything in one go (the server checks the same rules first).
 */
export function VariantsEditor({ product, warehouses }: { product: Product; warehouses: Warehouse[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [options, setOptions] = useState<OptionDraft[]>(product.options.map((option) => ({ name: option.name, values: option.values.join(", ") })));
  const [rows, setRows] = useState<RowDraft[]>(() => rowsOf(product));
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [bulkPrice, setBulkPrice] = useState("");
  const [bulkStock, setBulkStock] = useState("");
  const [bulkWarehouse, setBulkWarehouse] = useState(warehouses[0]?.id ?? "");
  const save = useMutation(trpc.catalog.saveVariants.mutationOptions());
  const setOnHand = useMutation(trpc.inventory.setOnHand.mutationOptions());

  const optionInputs = options.map((option) => ({ name: option.name.trim(), values: splitValues(option.values) }));
  const update = (index: number, change: Partial<RowDraft>) => setRows((list) => list.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const selected = rows.filter((row) => row.selected);

  function generate() {
    setNotice(null);
    const usable = optionInputs.filter((option) => option.name && option.values.length > 0);
    const combos = variantCombinations(usable);
    const base = product.sku;
    const defaultPrice = rows[0]?.price ?? centsToPriceText(product.priceCents);
    setRows(
      combos.map(
        (values) =>
          rows.find((row) => sameValues(row.optionValues, values)) ?? {
            // A product without options keeps its one variant (and its stock) as the first combination.
            id: usable.length > 0 && rows.length === 1 && rows[0]!.optionValues.length === 0 && values === combos[0] ? rows[0]!.id : undefined,
            optionValues: values,
            sku: values.length ? suggestVariantSku(base, values) : base,
            price: defaultPrice,
            compareAt: "",
            imageId: "",
            selected: false,
          },
      ),
    );
    setNotice(`${combos.length} variant${combos.length === 1 ? "" : "s"}: remove the ones you do not offer, then save.`);
  }

  function toInput(): { variants: VariantInput[]; errors: string[] } {
    const errors: string[] = [];
    const variants = rows.map((row): VariantInput => {
      const label = row.optionValues.length ? variantTitle(row.optionValues) : "The product";
      const priceCents = parsePriceToCents(row.price);
      const compareAtPriceCents = row.compareAt.trim() ? parsePriceToCents(row.compareAt) : null;
      if (priceCents === null) errors.push(`${label}: "${row.price}" is not a price; write it like 19.99.`);
      if (row.compareAt.trim() && compareAtPriceCents === null) errors.push(`${label}: "${row.compareAt}" is not a compare-at price.`);
      return {
        id: row.id,
        optionValues: row.optionValues,
        sku: row.sku.trim(),
        priceCents: priceCents ?? 0,
        compareAtPriceCents,
        imageId: row.imageId || null,
        status: "ACTIVE",
      };
    });
    return { variants, errors };
  }

  async function onSave() {
    setNotice(null);
    const usable = optionInputs.filter((option) => option.name || option.values.length);
    const { variants, errors } = toInput();
    const found = [...errors, ...variantProblems({ options: usable, variants })];
    if (usable.some((option) => !option.name || option.values.length === 0)) found.unshift("Give each option a name and at least one value.");
    setProblems(found);
    if (found.length) return;
    try {
      const saved = await save.mutateAsync({ productId: product.id, options: usable, variants });
      // The saved rows carry the new variants' ids (needed to stock them).
      setRows(rowsOf(saved));
      setNotice("Variants saved.");
      router.refresh();
    } catch (error) {
      setProblems([errorMessage(error)]);
    }
  }

  function applyPrice() {
    if (parsePriceToCents(bulkPrice) === null) return setProblems([`"${bulkPrice}" is not a price; write it like 19.99.`]);
    setProblems([]);
    setRows((list) => list.map((row) => (row.selected ? { ...row, price: bulkPrice.trim() } : row)));
  }

  async function applyStock() {
    const onHand = Number(bulkStock);
    if (bulkStock.trim() === "" || !Number.isInteger(onHand) || onHand < 0) return setProblems(["Enter a whole number of units, 0 or more."]);
    const saved = selected.filter((row) => row.id);
    if (saved.length < selected.length) return setProblems(["Save the new variants before setting their stock."]);
    setProblems([]);
    const failures: string[] = [];
    for (const row of saved) {
      const version = product.stockLevels.find((level) => level.variantId === row.id && level.warehouseId === bulkWarehouse)?.version ?? 0;
      try {
        await setOnHand.mutateAsync({ variantId: row.id!, warehouseId: bulkWarehouse, onHand, version });
      } catch (error) {
        failures.push(`${variantTitle(row.optionValues) || row.sku}: ${errorMessage(error)}`);
      }
    }
    setProblems(failures);
    setNotice(failures.length ? null : `Stock set to ${onHand} for ${saved.length} variant${saved.length === 1 ? "" : "s"}.`);
    router.refresh();
  }

  return (
    <Card aria-labelledby="variants-heading">
      <CardHeader
        title={<span id="variants-heading">Options and variants</span>}
        description="Sizes, colours or materials: each combination you offer is a variant with its own SKU, price, picture and stock."
      />
      <CardBody className="space-y-5">
        {problems.length > 0 ? (
          <Alert tone="danger" title="The variants were not saved">
            <ul className="list-disc pl-5">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}

        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-900">Options</legend>
          {options.length === 0 ? <p className="text-sm text-slate-600">This product comes in one version. Add an option if it comes in several.</p> : null}
          {options.map((option, i) => (
            <div key={i} className="grid gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
              <Input
                label={`Option ${i + 1} name`}
                value={option.name}
                placeholder={i === 0 ? "Size" : "Colour"}
                maxLength={40}
                onChange={(event) => setOptions((list) => list.map((o, j) => (j === i ? { ...o, name: event.target.value } : o)))}
              />
              <Input
                label={`Option ${i + 1} values`}
                hint="Separated by commas, in the order buyers should see them"
                value={option.values}
                placeholder={i === 0 ? "S, M, L" : "Blue, Black"}
                onChange={(event) => setOptions((list) => list.map((o, j) => (j === i ? { ...o, values: event.target.value } : o)))}
              />
              <Button type="button" variant="ghost" onClick={() => setOptions((list) => list.filter((_, j) => j !== i))}>
                Remove option {i + 1}
              </Button>
            </div>
          ))}
          <div className="flex flex-wrap gap-3">
            {options.length < MAX_OPTIONS ? (
              <Button type="button" variant="secondary" onClick={() => setOptions((list) => [...list, { name: "", values: "" }])}>
                Add an option
              </Button>
            ) : null}
            <Button type="button" variant="secondary" onClick={generate}>
              Generate variants
            </Button>
          </div>
        </fieldset>

        <div className="overflow-x-auto">
          <Table caption={`Variants of ${product.name}`}>
            <THead>
              <tr>
                <Th className="w-10">
                  <span className="sr-only">Select</span>
                </Th>
                <Th>Variant</Th>
                <Th>SKU</Th>
                <Th>Price</Th>
                <Th>Compare-at price</Th>
                <Th>Picture</Th>
                <Th>
                  <span className="sr-only">Remove</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {rows.map((row, i) => {
                const label = row.optionValues.length ? variantTitle(row.optionValues) : product.name;
                return (
                  <tr key={row.id ?? row.optionValues.join("/")} data-testid="variant-row">
                    <Td>
                      <input
                        type="checkbox"
                        className="size-4"
                        aria-label={`Select ${label}`}
                        checked={row.selected}
                        onChange={(event) => update(i, { selected: event.target.checked })}
                      />
                    </Td>
                    <Td className="font-medium whitespace-nowrap text-slate-900">{label}</Td>
                    <Td>
                      <input
                        aria-label={`SKU of ${label}`}
                        className="w-44 rounded-md px-2 py-1 font-mono text-sm ring-1 ring-slate-300"
                        value={row.sku}
                        maxLength={64}
                        onChange={(event) => update(i, { sku: event.target.value })}
                      />
                    </Td>
                    <Td>
                      <input
                        aria-label={`Price of ${label}`}
                        inputMode="decimal"
                        className="w-24 rounded-md px-2 py-1 text-sm ring-1 ring-slate-300"
                        value={row.price}
                        onChange={(event) => update(i, { price: event.target.value })}
                      />
                    </Td>
                    <Td>
                      <input
                        aria-label={`Compare-at price of ${label}`}
                        inputMode="decimal"
                        placeholder="—"
                        className="w-24 rounded-md px-2 py-1 text-sm ring-1 ring-slate-300"
                        value={row.compareAt}
                        onChange={(event) => update(i, { compareAt: event.target.value })}
                      />
                    </Td>
                    <Td>
                      <select
                        aria-label={`Picture of ${label}`}
                        className="rounded-md px-2 py-1 text-sm ring-1 ring-slate-300"
                        value={row.imageId}
                        onChange={(event) => update(i, { imageId: event.target.value })}
                      >
                        <option value="">The product&apos;s</option>
                        {product.images.map((image, n) => (
                          <option key={image.id} value={image.id}>
                            Picture {n + 1}
                            {image.alt ? `: ${image.alt.slice(0, 30)}` : ""}
                          </option>
                        ))}
                      </select>
                    </Td>
                    <Td>
                      {rows.length > 1 ? (
                        <Button type="button" size="sm" variant="ghost" onClick={() => setRows((list) => list.filter((_, j) => j !== i))}>
                          Remove<span className="sr-only"> {label}</span>
                        </Button>
                      ) : null}
                    </Td>
                  </tr>
                );
              })}
            </TBody>
          </Table>
        </div>

        <div className="flex flex-wrap items-end gap-3 border-t border-slate-200 pt-4">
          <p className="w-full text-sm text-slate-600" aria-live="polite">
            {selected.length ? `${selected.length} selected` : "Select variants to set their price or stock together."}
          </p>
          <Input label="Price for selected" inputMode="decimal" value={bulkPrice} placeholder="19.99" onChange={(event) => setBulkPrice(event.target.value)} />
          <Button type="button" variant="secondary" disabled={selected.length === 0} onClick={applyPrice}>
            Set price
          </Button>
          {warehouses.length > 0 ? (
            <>
              <Select label="Warehouse" value={bulkWarehouse} onChange={(event) => setBulkWarehouse(event.target.value)}>
                {warehouses.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </Select>
              <Input label="Stock for selected" inputMode="numeric" value={bulkStock} placeholder="10" onChange={(event) => setBulkStock(event.target.value)} />
              <Button type="button" variant="secondary" disabled={selected.length === 0} pending={setOnHand.isPending} onClick={() => void applyStock()}>
                Set stock
              </Button>
            </>
          ) : null}
        </div>
        <Button type="button" pending={save.isPending} onClick={() => void onSave()}>
          Save variants
        </Button>
      </CardBody>
    </Card>
  );
}
