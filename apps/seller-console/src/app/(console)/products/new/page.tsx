import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@bazaar/ui";
import { ProductForm } from "~/components/product-form";
import { categoryOptions } from "~/server/categories";
import { getSellerAccess } from "~/server/access";

export const metadata: Metadata = { title: "New product" };

export default async function NewProductPage() {
  const access = await getSellerAccess();
  if (access.kind !== "approved") return null;
  return (
    <>
      <Link href="/products" className="text-sm font-medium text-brand-700 hover:underline">
        ← Products
      </Link>
      <PageHeader title="New product" description="It starts as a draft unless you publish it now. Set its stock after creating it." />
      <div className="max-w-4xl">
        <ProductForm categories={await categoryOptions()} />
      </div>
    </>
  );
}
