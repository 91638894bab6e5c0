import type { PrismaClient } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";
import { DomainError } from "../../errors";
import { expireStorefrontPages, storefrontTagsFor } from "../catalog/cache-tags";

export interface ShopProfileInput {
  shopName: string;
  description: string;
  contactEmail: string;
  shippingFlatCents: number;
  freeShippingOverCents: number | null;
  shippingPolicy: string;
  returnPolicy: string;
}

const profileSelect = {
  slug: true,
  shopName: true,
  description: true,
  contactEmail: true,
  shippingFlatCents: true,
  freeShippingOverCents: true,
  shippingPolicy: true,
  returnPolicy: true,
  loyaltyCofundBps: true,
} as const;

type ProfileRow = {
  slug: string;
  description: string | null;
  shippingPolicy: string | null;
  returnPolicy: string | null;
  /** The shop's co-fund share of buyers' tier benefits (basis points), edited on its own (`seller.loyaltyCofund`). */
  loyaltyCofundBps: number;
} & Omit<ShopProfileInput, "description" | "shippingPolicy" | "returnPolicy">;
const asProfile = (row: ProfileRow) => ({
  ...row,
  description: row.description ?? "",
  shippingPolicy: row.shippingPolicy ?? "",
  returnPolicy: row.returnPolicy ?? "",
});

/** What the seller console's Shop page edits: the shop's public face and its policies. */
export async function getShopProfile(db: PrismaClient, actor: Actor) {
  const { sellerId } = requireSeller(actor);
  return asProfile(await db.seller.findUniqueOrThrow({ where: { id: sellerId }, select: profileSelect }));
}

/**
 * Saves the shop's profile. The slug (its address) stays, so links and search results keep
 * working after a rename; the storefront's pages of the shop, its products and the listings
 * (cards name the shop) expire once it committed, before this returns.
 */
export async function updateShopProfile(db: PrismaClient, actor: Actor, input: ShopProfileInput) {
  const { sellerId } = requireSeller(actor);
  if (input.freeShippingOverCents !== null && input.freeShippingOverCents === 0) {
    throw new DomainError("BAD_REQUEST", "Free shipping over $0.00 is free shipping on everything: set the flat rate to $0.00 instead.");
  }
  const row = await db.seller.update({
    where: { id: sellerId },
    data: {
      shopName: input.shopName,
      description: input.description || null,
      contactEmail: input.contactEmail.toLowerCase(),
      shippingFlatCents: input.shippingFlatCents,
      freeShippingOverCents: input.freeShippingOverCents,
      shippingPolicy: input.shippingPolicy || null,
      returnPolicy: input.returnPolicy || null,
    },
    select: profileSelect,
  });
  await expireStorefrontPages(storefrontTagsFor({ kind: "shop-profile", sellerId }));
  return asProfile(row);
}
