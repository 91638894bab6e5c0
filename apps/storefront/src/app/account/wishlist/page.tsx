import type { Metadata } from "next";
import { FillImage } from "~/components/fill-image";
import Link from "next/link";
import { EmptyState, formatMoney, LinkButton, PageHeader } from "@bazaar/ui";
import { AvailabilityBadge } from "~/components/availability-badge";
import { requireSignIn } from "~/server/session";
import { api } from "~/trpc/server";
import { GuestHearts } from "./guest-hearts";
import { RemoveSaved } from "./remove-saved";

export const metadata: Metadata = { title: "Your wishlist" };

export default async function WishlistPage() {
  await requireSignIn("/account/wishlist");
  const items = await api.wishlist.list();
  return (
    <>
      <GuestHearts />
      <PageHeader title="Your wishlist" description="Products you saved for later. We email you once when a sold-out one is back in stock." />
      {items.length === 0 ? (
        <EmptyState
          title="Nothing saved yet"
          description="Tap the heart on a product to keep it here."
          action={<LinkButton href="/">Browse products</LinkButton>}
        />
      ) : (
        <ul className="space-y-3" aria-label="Saved products" data-testid="wishlist">
          {items.map((item) => (
            <li key={item.id} className="flex gap-4 rounded-lg bg-white p-3 ring-1 ring-slate-200">
              <div className="relative size-20 shrink-0 overflow-hidden rounded-md bg-slate-100">
                {item.product.image ? <FillImage src={item.product.image.url} alt={item.product.image.alt} /> : null}
              </div>
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <h2 className="text-sm font-medium text-slate-900">
                  {item.buyable ? (
                    <Link href={`/products/${item.product.slug}`} className="hover:underline">
                      {item.product.name}
                    </Link>
                  ) : (
                    item.product.name
                  )}
                </h2>
                <p className="text-xs text-slate-600">
                  {item.product.shopName}
                  {item.variant ? ` · ${item.variant.title}` : ""}
                </p>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="text-sm font-semibold text-slate-900">
                    {item.variant
                      ? formatMoney(item.variant.priceCents, item.product.currency)
                      : `${item.product.priceMaxCents > item.product.priceCents ? "From " : ""}${formatMoney(item.product.priceCents, item.product.currency)}`}
                  </span>
                  {item.buyable ? (
                    <AvailabilityBadge availability={item.availability} available={item.available} />
                  ) : (
                    <span className="text-xs text-slate-600">No longer for sale</span>
                  )}
                </div>
              </div>
              <RemoveSaved productId={item.product.id} name={item.product.name} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
