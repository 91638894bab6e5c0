import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Card, CardBody, CardHeader, PageHeader } from "@bazaar/ui";
import { ProductForm } from "~/components/product-form";
import { ProductStatusBadge } from "~/components/status-badge";
import { StockTable, type StockRow } from "~/components/stock-table";
import { VariantsEditor } from "~/components/variants-editor";
import { categoryOptions } from "~/server/categories";
import { getSellerAccess } from "~/server/access";
import { orNotFound } from "~/server/not-found";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Edit product" };

export default async function EditProductPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const access = await getSellerAccess();
  if (access.kind !== "approved") return null;
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  // Another shop's product id is "not found": the 404 page, nothing of theirs.
  const product = await orNotFound(api.catalog.mineById({ id }));
  const [categories, stock, warehouses] = await Promise.all([
    categoryOptions(),
    api.inventory.list({ productId: product.id, limit: 200 }),
    api.inventory.warehouses(),
  ]);
  // Every variant gets a row per warehouse: those not stocked there yet start at zero.
  const variants = product.variants.filter((variant) => variant.status === "ACTIVE");
  const rows: StockRow[] = variants.flatMap((variant) =>
    warehouses.map(
      (w) =>
        stock.items.find((row) => row.variantId === variant.id && row.warehouseId === w.id) ?? {
          id: null,
          productId: product.id,
          variantId: variant.id,
          productName: variant.title ? `${product.name} — ${variant.title}` : product.name,
          variantTitle: variant.title,
          sku: variant.sku,
          warehouseId: w.id,
          warehouseName: w.name,
          warehouseCode: w.code,
          onHand: 0,
          reserved: 0,
          allocated: 0,
          available: 0,
          lowStockThreshold: 5,
          low: false,
          version: 0,
        },
    ),
  );

  return (
    <>
      <Link href="/products" className="text-sm font-medium text-brand-700 hover:underline">
        ← Products
      </Link>
      <PageHeader
        title={product.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-xs">{product.sku}</span>
            <ProductStatusBadge status={product.status} unlisted={Boolean(product.unlistedAt)} />
          </span>
        }
      />
      <div className="max-w-5xl space-y-6">
        {created ? (
          <Alert tone="success" title="Product created">
            {product.status === "ACTIVE"
              ? "It is published. Put stock on hand below so buyers can order it."
              : "It is a draft. Put stock on hand below, then publish it when you are ready."}
          </Alert>
        ) : null}
        {product.unlistedAt ? (
          <Alert tone="danger" title="Unlisted by Bazaar">
            {product.unlistedReason ?? "Buyers cannot see this product."} Contact support@bazaar.test if you think this is a mistake.
          </Alert>
        ) : null}
        <Card aria-labelledby="stock-heading">
          <CardHeader
            title={<span id="stock-heading">Stock</span>}
            description="Units on hand per warehouse. Units in carts and in unshipped orders are held for those buyers."
          />
          <CardBody className="p-0 sm:p-0">
            {rows.length === 0 ? (
              <p className="px-5 py-4 text-sm text-slate-600">
                You have no warehouse yet.{" "}
                <Link href="/inventory#warehouses" className="font-medium text-brand-700 hover:underline">
                  Add one
                </Link>{" "}
                to put stock on hand.
              </p>
            ) : (
              <StockTable
                key={`${product.updatedAt.toISOString()}:${rows.map((row) => `${row.variantId}.${row.version}`).join(",")}`}
                rows={rows}
                showProduct={false}
                caption={`Stock of ${product.name}`}
              />
            )}
          </CardBody>
        </Card>
        <VariantsEditor product={product} warehouses={warehouses} />
        <section aria-labelledby="details-heading">
          <h2 id="details-heading" className="mb-3 text-lg font-semibold text-slate-900">
            Details
          </h2>
          <ProductForm product={product} categories={categories} />
        </section>
      </div>
    </>
  );
}
