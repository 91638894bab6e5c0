import type { PrismaClient, Tx } from "@bazaar/db";
import { requireUser, type Actor } from "../../actor";
import { DomainError } from "../../errors";
import { productStock, variantStock } from "../catalog/availability";
import { buyerVisibleProduct } from "../catalog/visibility";
import type { Availability } from "../inventory/constants";

/** A wishlist is a shortlist, not a catalogue: past this a buyer is told to tidy it. */
export const WISHLIST_LIMIT = 200;

export interface WishlistEntry {
  productId: string;
  variantId?: string | null;
}

export interface WishlistItemView {
  id: string;
  savedAt: Date;
  product: {
    id: string;
    slug: string;
    name: string;
    priceCents: number;
    priceMaxCents: number;
    currency: string;
    shopName: string;
    image: { url: string; alt: string } | null;
  };
  /** The variant they were looking at when they saved it, if the product has options. */
  variant: { id: string; title: string; priceCents: number } | null;
  /** Stock of the saved variant, or of the whole product when none was chosen. */
  available: number;
  availability: Availability;
  /** False once the product is archived, unlisted or its shop closed: kept, shown as gone. */
  buyable: boolean;
}

/** Checks that a buyer may save this product (visible to buyers) and that the variant is one of its own. */
async function visibleEntry(db: Tx, entry: WishlistEntry) {
  const product = await db.product.findFirst({
    where: { id: entry.productId, ...buyerVisibleProduct },
    select: { id: true, variants: { where: { status: "ACTIVE", ...(entry.variantId ? { id: entry.variantId } : {}) }, select: { id: true }, take: 2 } },
  });
  if (!product) throw new DomainError("NOT_FOUND", "That product is no longer available.");
  if (entry.variantId && product.variants.length === 0) throw new DomainError("NOT_FOUND", "That option of the product is no longer available.");
  // A product with one variant is saved as the product: its only variant is implied.
  return { productId: product.id, variantId: entry.variantId ?? null };
}

/**
 * Saves a product (and the variant they chose) to the buyer's wishlist. Saving it again keeps
 * one row and updates the chosen variant, so a double click or two tabs never duplicate it.
 */
export async function saveToWishlist(db: PrismaClient, actor: Actor, input: WishlistEntry): Promise<{ saved: true; count: number }> {
  const { userId } = requireUser(actor);
  const entry = await visibleEntry(db, input);
  const count = await db.wishlistItem.count({ where: { userId } });
  if (count >= WISHLIST_LIMIT) {
    const exists = await db.wishlistItem.count({ where: { userId, productId: entry.productId } });
    if (!exists) throw new DomainError("PRECONDITION_FAILED", `Your wishlist holds up to ${WISHLIST_LIMIT} products. Remove some to save more.`);
  }
  await db.wishlistItem.upsert({
    where: { userId_productId: { userId, productId: entry.productId } },
    create: { userId, productId: entry.productId, variantId: entry.variantId },
    update: { variantId: entry.variantId },
  });
  return { saved: true, count: await db.wishlistItem.count({ where: { userId } }) };
}

/** Removes a product from the buyer's wishlist; removing one that is not there is not an error. */
export async function removeFromWishlist(db: PrismaClient, actor: Actor, input: { productId: string }): Promise<{ saved: false; count: number }> {
  const { userId } = requireUser(actor);
  await db.wishlistItem.deleteMany({ where: { userId, productId: input.productId } });
  return { saved: false, count: await db.wishlistItem.count({ where: { userId } }) };
}

/** The ids of the products the buyer saved, for the hearts on cards and pages (one indexed read). */
export async function wishlistProductIds(db: Tx, actor: Actor): Promise<string[]> {
  const { userId } = requireUser(actor);
  const rows = await db.wishlistItem.findMany({ where: { userId }, select: { productId: true }, orderBy: { createdAt: "desc" }, take: WISHLIST_LIMIT });
  return rows.map((row) => row.productId);
}

/**
 * A guest's hearts (kept in their browser) join the account's wishlist when they sign in, like
 * the guest cart. Products no longer on sale are dropped silently; the limit still applies.
 */
export async function mergeGuestWishlist(db: PrismaClient, actor: Actor, input: { items: WishlistEntry[] }): Promise<{ added: number; count: number }> {
  const { userId } = requireUser(actor);
  const wanted = [...new Map(input.items.map((item) => [item.productId, item])).values()];
  const visible = await db.product.findMany({
    where: { id: { in: wanted.map((item) => item.productId) }, ...buyerVisibleProduct },
    select: { id: true, variants: { where: { status: "ACTIVE" }, select: { id: true } } },
  });
  const existing = await db.wishlistItem.count({ where: { userId } });
  const room = Math.max(0, WISHLIST_LIMIT - existing);
  const rows = wanted.flatMap((item) => {
    const product = visible.find((candidate) => candidate.id === item.productId);
    if (!product) return [];
    const variantId = item.variantId && product.variants.some((variant) => variant.id === item.variantId) ? item.variantId : null;
    return [{ userId, productId: product.id, variantId }];
  });
  const { count: added } = await db.wishlistItem.createMany({ data: rows.slice(0, room), skipDuplicates: true });
  return { added, count: existing + added };
}

/** The wishlist page: newest first, with live stock, so a sold-out product says so. */
export async function listWishlist(db: Tx, actor: Actor): Promise<WishlistItemView[]> {
  const { userId } = requireUser(actor);
  const rows = await db.wishlistItem.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: WISHLIST_LIMIT,
    select: {
      id: true,
      createdAt: true,
      variant: { select: { id: true, title: true, priceCents: true, status: true } },
      product: {
        select: {
          id: true,
          slug: true,
          name: true,
          priceCents: true,
          priceMaxCents: true,
          currency: true,
          status: true,
          unlistedAt: true,
          seller: { select: { shopName: true, status: true, user: { select: { status: true } } } },
          images: { orderBy: [{ position: "asc" }, { id: "asc" }], take: 1, select: { url: true, alt: true } },
          variants: {
            where: { status: "ACTIVE" },
            select: { id: true, stockLevels: { select: { onHand: true, reserved: true, allocated: true, lowStockThreshold: true } } },
          },
        },
      },
    },
  });
  return rows.map((row) => {
    const { product } = row;
    const stocks = product.variants.map((variant) => variantStock(variant.id, variant.stockLevels));
    const chosen = row.variant?.status === "ACTIVE" ? row.variant : null;
    const stock = chosen ? (stocks.find((variant) => variant.variantId === chosen.id) ?? { available: 0, availability: "out" as const }) : productStock(stocks);
    const buyable = product.status === "ACTIVE" && !product.unlistedAt && product.seller.status === "APPROVED" && product.seller.user.status === "ACTIVE";
    return {
      id: row.id,
      savedAt: row.createdAt,
      product: {
        id: product.id,
        slug: product.slug,
        name: product.name,
        priceCents: product.priceCents,
        priceMaxCents: product.priceMaxCents,
        currency: product.currency,
        shopName: product.seller.shopName,
        image: product.images[0] ?? null,
      },
      variant: chosen && chosen.title ? { id: chosen.id, title: chosen.title, priceCents: chosen.priceCents } : null,
      available: buyable ? stock.available : 0,
      availability: buyable ? stock.availability : "out",
      buyable,
    };
  });
}
