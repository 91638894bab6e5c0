import type { Metadata } from "next";
import { PageHeader } from "@bazaar/ui";
import { LoyaltyCofundForm } from "~/components/loyalty-cofund-form";
import { ShopProfileForm } from "~/components/shop-profile-form";
import { getEnv } from "~/env";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Shop" };

export default async function ShopPage() {
  const profile = await api.seller.profile();
  const publicUrl = new URL(`/shops/${profile.slug}`, getEnv().STOREFRONT_URL).href;
  return (
    <>
      <PageHeader title="Your shop" description="What buyers see on your shop page: name, description, shipping and return policies." />
      <p className="mb-4 text-sm text-slate-600">
        Your shop page:{" "}
        <a href={publicUrl} className="font-medium text-brand-700 underline underline-offset-2">
          {publicUrl}
        </a>
      </p>
      <ShopProfileForm profile={profile} />
      <LoyaltyCofundForm cofundBps={profile.loyaltyCofundBps} />
    </>
  );
}
