import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader, PageHeader } from "@bazaar/ui";
import { ProductImport } from "~/components/product-import";
import { getSellerAccess } from "~/server/access";

export const metadata: Metadata = { title: "Import products" };

const EXAMPLE = `product_sku,sku,name,category,price,status,option1_name,option1_value,option2_name,option2_value
,LAMP-01,Brass desk lamp,lighting,49.90,active,,,,
TEE,TEE-M-BLUE,Cotton tee,hiking,19.00,active,Size,M,Colour,Blue
TEE,TEE-L-BLUE,Cotton tee,hiking,21.00,active,Size,L,Colour,Blue`;

export default async function ImportProductsPage() {
  const access = await getSellerAccess();
  if (access.kind !== "approved") return null;
  return (
    <>
      <Link href="/products" className="text-sm font-medium text-brand-700 hover:underline">
        ← Products
      </Link>
      <PageHeader title="Import products" description="Create and update many products at once from a CSV file (a spreadsheet saved as CSV)." />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <ProductImport />
        <Card className="self-start">
          <CardHeader title="The file" as="h2" />
          <CardBody className="space-y-3 text-sm text-slate-700">
            <p>
              The first line names the columns: <code className="font-mono text-xs">sku, name, price</code> are required;{" "}
              <code className="font-mono text-xs">product_sku, description, category, compare_at_price, currency, status</code> and the option columns are
              optional.
            </p>
            <ul className="list-disc space-y-1 pl-5">
              <li>A SKU you already have updates that product; a new SKU creates one.</li>
              <li>
                One row per variant: rows with the same <code className="font-mono text-xs">product_sku</code> are one product, and{" "}
                <code className="font-mono text-xs">option1_name, option1_value</code> (up to option3) say which variant the row is. A product without options
                is one row with an empty product_sku.
              </li>
              <li>Prices like 19.99. Currency USD, EUR, GBP, CAD or AUD (USD if empty).</li>
              <li>Category: its name or slug from the catalog.</li>
              <li>Status: draft, active or archived (new products are drafts if empty).</li>
              <li>Images and stock are not in the file; add them on each product&apos;s page.</li>
            </ul>
            <p>
              <a href="/api/export/products" download className="font-medium text-brand-700 hover:underline">
                Export your products
              </a>{" "}
              to get a file in this format.
            </p>
            <pre className="overflow-x-auto rounded bg-slate-100 p-3 font-mono text-xs leading-5">{EXAMPLE}</pre>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
