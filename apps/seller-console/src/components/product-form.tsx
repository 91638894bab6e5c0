"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import type { RouterOutputs } from "@bazaar/api";
import { centsToPriceText, MAX_PRODUCT_IMAGES, parsePriceToCents, SUPPORTED_CURRENCIES, ZProductFormSchema } from "@bazaar/api/validators";
import { Alert, Button, Card, CardBody, Input, Select, Textarea } from "@bazaar/ui";
import { errorMessage, fieldErrorsOf } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";
import { ImageUploader, type FormImage } from "./image-uploader";
import { textField } from "~/lib/form-data";

type Product = RouterOutputs["catalog"]["mineById"];
type Status = Product["status"];
type Action = "publish" | "unpublish" | "archive" | "restore";
export interface CategoryOption {
  id: string;
  label: string;
}

// The catalog moves a product one step at a time; these are the steps from each status to each other.
const PATH: Record<Status, Partial<Record<Status, Action[]>>> = {
  DRAFT: { ACTIVE: ["publish"], ARCHIVED: ["archive"] },
  ACTIVE: { DRAFT: ["unpublish"], ARCHIVED: ["archive"] },
  ARCHIVED: { DRAFT: ["restore"], ACTIVE: ["restore", "publish"] },
};

const STATUS_HINT: Record<Status, string> = {
  DRAFT: "Only you can see a draft.",
  ACTIVE: "Buyers can find and buy it (while it has stock).",
  ARCHIVED: "Hidden from buyers and from your default lists.",
};

type Errors = Partial<Record<string, string[]>>;

/**
 * Create or edit a product. The same zod schema the API uses checks the form first, so most
 * mistakes are caught before a round trip; the server's answer (a SKU already taken, say) lands
 * on the field it concerns.
 */
export function ProductForm({ product, categories }: { product?: Product; categories: CategoryOption[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [images, setImages] = useState<FormImage[]>(product?.images.map((i) => ({ key: i.storageKey, url: i.url, alt: i.alt })) ?? []);
  const [status, setStatus] = useState<Status>(product?.status ?? "DRAFT");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const create = useMutation(trpc.catalog.create.mutationOptions());
  const update = useMutation(trpc.catalog.update.mutationOptions());
  const actions = {
    publish: useMutation(trpc.catalog.publish.mutationOptions()),
    unpublish: useMutation(trpc.catalog.unpublish.mutationOptions()),
    archive: useMutation(trpc.catalog.archive.mutationOptions()),
    restore: useMutation(trpc.catalog.restore.mutationOptions()),
  };
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    setFormError(null);
    const data = new FormData(event.currentTarget);
    const text = (name: string) => textField(data, name);
    const priceText = text("price");
    const priceCents = parsePriceToCents(priceText);
    const input = {
      name: text("name"),
      sku: text("sku"),
      description: text("description"),
      priceCents: priceCents ?? -1,
      currency: text("currency"),
      categoryId: text("categoryId") || null,
      images: images.map(({ key, url, alt, receipt }) => ({ key, url, alt, ...(receipt ? { receipt } : {}) })),
    };
    const parsed = ZProductFormSchema.safeParse(input);
    const found: Errors = parsed.success ? {} : { ...z.flattenError(parsed.error).fieldErrors };
    if (priceCents === null)
      found.priceCents = [priceText.trim() ? `"${priceText.trim()}" is not a price; write it like 19.99.` : "Enter a price, e.g. 19.99."];
    if (status === "ACTIVE" && priceCents === 0) found.priceCents = ["A published product needs a price above zero."];
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) {
      setFormError("Check the highlighted fields.");
      return;
    }

    setBusy(true);
    try {
      const result = product ? await update.mutateAsync({ id: product.id, ...parsed.data }) : await create.mutateAsync(parsed.data);
      for (const action of PATH[result.status][status] ?? []) await actions[action].mutateAsync({ id: result.id });
      if (product) {
        setSaved(true);
        router.refresh();
      } else {
        router.push(`/products/${result.id}?created=1`);
      }
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const err = (field: string) => errors[field];
  const hasOptions = (product?.options.length ?? 0) > 0;
  const statusOptions: Status[] = ["DRAFT", "ACTIVE", "ARCHIVED"];

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={product ? "Edit product" : "New product"}>
      {formError ? (
        <Alert tone="danger" title={product ? "The product was not saved" : "The product was not created"}>
          {formError}
        </Alert>
      ) : null}
      {saved ? <Alert tone="success">Saved.</Alert> : null}
      <Card>
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Input label="Name" name="name" required defaultValue={product?.name} error={err("name")} containerClassName="sm:col-span-2" maxLength={140} />
          <Input
            label="SKU"
            name="sku"
            required
            defaultValue={product?.sku}
            error={err("sku")}
            hint="Your own code for it, unique in your shop: letters, digits, . _ - /"
            className="font-mono"
            maxLength={64}
            autoCapitalize="characters"
          />
          <Select label="Category" name="categoryId" defaultValue={product?.categoryId ?? ""} error={err("categoryId")}>
            <option value="">No category</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </Select>
          <Textarea
            label="Description"
            name="description"
            defaultValue={product?.description}
            error={err("description")}
            containerClassName="sm:col-span-2"
            rows={6}
            maxLength={10_000}
          />
          <Input
            label="Price"
            name="price"
            inputMode="decimal"
            required
            // With options, each variant has its own price (set under Options and variants).
            readOnly={hasOptions}
            hint={hasOptions ? "Set per variant under Options and variants." : undefined}
            defaultValue={product ? centsToPriceText(product.priceCents) : ""}
            placeholder="19.99"
            error={err("priceCents")}
          />
          <Select label="Currency" name="currency" defaultValue={product?.currency ?? "USD"} error={err("currency")}>
            {SUPPORTED_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
          <Select
            label="Status"
            name="status"
            value={status}
            onChange={(event) => setStatus(event.target.value as Status)}
            hint={STATUS_HINT[status]}
            containerClassName="sm:col-span-2 sm:max-w-xs"
          >
            {statusOptions.map((s) => (
              <option key={s} value={s}>
                {s === "ACTIVE" ? "Active (published)" : s === "DRAFT" ? "Draft" : "Archived"}
              </option>
            ))}
          </Select>
        </CardBody>
      </Card>
      <Card>
        <CardBody>
          <ImageUploader images={images} onChange={setImages} max={MAX_PRODUCT_IMAGES} error={err("images")} />
        </CardBody>
      </Card>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={busy}>
          {product ? "Save changes" : "Create product"}
        </Button>
      </div>
    </form>
  );
}
