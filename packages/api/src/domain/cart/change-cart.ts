// Every change to a cart: lock it, renew the holds close to expiring, note the activity (the
// abandoned-cart scan reads it), change lines and their stock holds, all in one transaction; then
// answer with the new cart view (adding answers with a small summary: the cart page reads the view).
// Stock rows are locked last and the view is read after COMMIT, so a popular product's stock row
// stays locked for a few statements, not for the whole request: with many buyers on one SKU that
// lock is what everyone queues for (see bench/README.md).
import { Prisma, type PrismaClient, type SqlTx, type Tx } from "@bazaar/db";
import { DomainError } from "../../errors";
import type { CartItemRef } from "../../validators/cart";
import { variantDisplayName } from "../../validators/variants";
import { buyerVisibleSql } from "../catalog/visibility";
import { growCartItemHold, releaseCartReservations, setCartItemReservation } from "../inventory/cart-reservations";
import type { StockRow } from "../inventory/stock-rows";
import { promoIneligibility } from "../pricing";
import { inSqlTransaction, inTransaction } from "../transaction";
import { lockCartForChange, type CartOwner } from "./cart-owner";
import { buildCartView, type CartView } from "./cart-view";
import { loadCart } from "./load-cart";

/** More than this of one product in one cart is a typo, not a purchase. */
export const MAX_LINE_QUANTITY = 99;

type LockedCart = NonNullable<Awaited<ReturnType<typeof lockCartForChange>>>;

/** Runs a unit of work in a transaction of one kind: Prisma's (Tx), or a written-out one on the pool (SqlTx). */
type Transact<X extends SqlTx> = <R>(work: (tx: X) => Promise<R>) => Promise<R>;

/** Locks the owner's cart and runs `change` on it in one transaction; returns the cart's id and what `change` returned. */
async function inLockedCart<X extends SqlTx, T>(
  transact: Transact<X>,
  owner: CartOwner,
  now: Date,
  change: (tx: X, cart: LockedCart) => Promise<T>,
  options: { create?: boolean } = {},
): Promise<{ cartId: string; result: T }> {
  const attempt = () =>
    transact(async (tx) => {
      const cart = await lockCartForChange(tx, owner, now, options);
      if (!cart) return null;
      return { cartId: cart.id, result: await change(tx, cart) };
    });
  // Made in the first statement when there is none (create); null then means a concurrent first change made it: try once more.
  const changed = (await attempt()) ?? (options.create ? await attempt() : null);
  if (!changed) throw new DomainError("NOT_FOUND", "Your cart is empty. Add a product first.");
  return changed;
}

/** A change answered with the whole cart view (read after COMMIT). */
async function changeCart(db: PrismaClient, owner: CartOwner, now: Date, change: (tx: Tx, cart: LockedCart) => Promise<void>): Promise<CartView> {
  const { cartId } = await inLockedCart<Tx, void>((work) => inTransaction(db, work), owner, now, change);
  return buildCartView(db, await loadCart(db, cartId, now), { now });
}

const checkQuantity = (quantity: number, min: number) => {
  if (!Number.isSafeInteger(quantity) || quantity < min || quantity > MAX_LINE_QUANTITY) {
    throw new DomainError("BAD_REQUEST", `Quantity must be a whole number from ${min} to ${MAX_LINE_QUANTITY}.`, { quantity });
  }
};

interface VariantToBuy {
  id: string;
  status: string;
  title: string;
  priceCents: number;
  productId: string;
  productName: string;
  currency: string;
  sellerId: string;
  lineId: string | null;
  lineQuantity: number | null;
  /** Units the line's active holds cover (it may hold fewer than its quantity after a hold expired). */
  lineHeld: number | null;
}

/**
 * The variant a buyer means (by id, or a product bought as its only variant), with the cart's line
 * of it if any and what that line holds: one statement, written out as the add path's statements
 * are (a Prisma model query is compiled on every call, ~0.5 ms of CPU each; bench/README.md).
 *
 * The product and variant rows are locked as the line's foreign keys will lock them (FOR KEY
 * SHARE), but now, before anything is decided on them: a seller saving the matrix (which locks the
 * product FOR UPDATE, then deletes or archives the variants left out) either waits for this add,
 * then sees its line and archives the variant, or goes first, and this read then finds the variant
 * gone or archived (a row locked after waiting is read again) and answers "not for sale". Without
 * it the add went on with a variant deleted under it and failed on the line's foreign key.
 */
async function findVariantToBuy(tx: SqlTx, ref: CartItemRef, cartId: string) {
  const which = ref.variantId
    ? Prisma.sql`v."id" = ${ref.variantId}${ref.productId ? Prisma.sql` AND v."productId" = ${ref.productId}` : Prisma.empty}`
    : Prisma.sql`v."productId" = ${ref.productId ?? ""} AND v."status" = 'ACTIVE'`;
  const variants = await tx.$queryRaw<VariantToBuy[]>`
    SELECT v."id", v."status"::text AS "status", v."title", v."priceCents", p."id" AS "productId", p."name" AS "productName", p."currency",
           p."sellerId", ci."id" AS "lineId", ci."quantity" AS "lineQuantity",
           (SELECT sum(r."quantity")::int FROM "Reservation" r WHERE r."cartItemId" = ci."id" AND r."type" = 'SOFT' AND r."status" = 'ACTIVE') AS "lineHeld"
      FROM "ProductVariant" v
      JOIN "Product" p ON p."id" = v."productId"
      JOIN "Seller" s ON s."id" = p."sellerId"
      LEFT JOIN "CartItem" ci ON ci."cartId" = ${cartId} AND ci."variantId" = v."id"
     WHERE ${which} AND ${buyerVisibleSql}
     LIMIT 2
       FOR KEY SHARE OF p, v`;
  const variant = variants[0];
  if (!variant || variant.status !== "ACTIVE") {
    throw new DomainError("NOT_FOUND", "This product is not for sale (it may have been removed, or its shop is closed).", { ...ref });
  }
  if (variants.length > 1) throw new DomainError("BAD_REQUEST", `Choose an option of "${variant.productName}" first.`, { productId: ref.productId });
  return {
    ...variant,
    line: variant.lineId === null ? null : { id: variant.lineId, quantity: variant.lineQuantity ?? 0, held: variant.lineHeld ?? 0 },
    displayName: variantDisplayName(variant.productName, variant.title),
  };
}

/** What adding to a cart answers: the line added to, and the cart's count and subtotal (the cart page reads the rest). */
export interface CartAddition {
  line: { id: string; variantId: string; quantity: number };
  /** Units in the cart, as the header's badge shows them. */
  itemCount: number;
  /** The lines at the prices they were added at (the cart page prices them for today). */
  subtotalCents: number;
  currency: string;
}

/**
 * Adds `quantity` units of a variant (to its line if the cart has one), holding the stock: five
 * statements with BEGIN and COMMIT (the cart locked; the variant with its line and what it holds,
 * read after the lock so that a concurrent add to the same line is seen; the line written with
 * the stock held on one row and the cart's count and subtotal, the answer).
 */
export async function addToCart(db: PrismaClient, owner: CartOwner, input: CartItemRef & { quantity: number }, now = new Date()): Promise<CartAddition> {
  checkQuantity(input.quantity, 1);
  const { result } = await inLockedCart(
    // Every statement of an add is written out, so it runs without Prisma's interactive transaction.
    (work) => inSqlTransaction(db, work),
    owner,
    now,
    async (tx, cart) => {
      const variant = await findVariantToBuy(tx, input, cart.id);
      const { line: existing } = variant;
      if (variant.currency !== cart.currency) {
        const [lines] = await tx.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM "CartItem" WHERE "cartId" = ${cart.id}`;
        if (existing || (lines?.count ?? 0) > 0) {
          throw new DomainError(
            "BAD_REQUEST",
            `Your cart is in ${cart.currency} and "${variant.productName}" is priced in ${variant.currency}. Check out your cart first, then add it.`,
          );
        }
        await tx.$executeRaw`UPDATE "Cart" SET "currency" = ${variant.currency}, "updatedAt" = now() WHERE "id" = ${cart.id}`;
      }
      const quantity = (existing?.quantity ?? 0) + input.quantity;
      if (quantity > MAX_LINE_QUANTITY) {
        throw new DomainError(
          "BAD_REQUEST",
          `You can have at most ${MAX_LINE_QUANTITY} of "${variant.displayName}" in your cart (you have ${existing?.quantity ?? 0}).`,
        );
      }
      // The line has fewer units held than it will have (an add grows it; expired holds are made up too).
      const hold = growCartItemHold({
        cartId: cart.id,
        cartItemId: Prisma.sql`SELECT "id" FROM "line"`,
        productId: variant.productId,
        variantId: variant.id,
        productName: variant.displayName,
        quantity,
        held: existing?.held ?? 0,
        now,
      });
      // The line written, the stock held on one row when one has enough, and the cart's count and
      // subtotal after it (the reply) in one statement: the cart is locked, so its other lines are
      // as this statement reads them, and the stock rows are locked after the line is written.
      const [line] = await tx.$queryRaw<{ id: string; itemCount: number; subtotalCents: number; held: StockRow | null }[]>`
        WITH "line" AS (${
          existing
            ? Prisma.sql`
                UPDATE "CartItem" SET "quantity" = ${quantity}, "unitPriceCents" = ${variant.priceCents}, "updatedAt" = ${now}
                 WHERE "id" = ${existing.id}
                RETURNING "id", "cartId", "quantity", "unitPriceCents"`
            : Prisma.sql`
                INSERT INTO "CartItem" ("id", "cartId", "productId", "variantId", "sellerId", "quantity", "unitPriceCents", "currency", "createdAt", "updatedAt")
                VALUES (gen_random_uuid()::text, ${cart.id}, ${variant.productId}, ${variant.id}, ${variant.sellerId}, ${quantity}, ${variant.priceCents},
                        ${variant.currency}, ${now}, ${now})
                RETURNING "id", "cartId", "quantity", "unitPriceCents"`
        }), ${hold.sql}
        SELECT l."id",
               (l."quantity" + coalesce(sum(o."quantity"), 0))::int AS "itemCount",
               (l."quantity"::bigint * l."unitPriceCents" + coalesce(sum(o."quantity"::bigint * o."unitPriceCents"), 0))::int AS "subtotalCents",
               (SELECT to_jsonb(h) FROM one_row_held h) AS "held"
          FROM "line" l LEFT JOIN "CartItem" o ON o."cartId" = l."cartId" AND o."id" <> l."id"
         GROUP BY l."id", l."quantity", l."unitPriceCents"`;
      if (!line) throw new Error(`Cart line ${existing?.id ?? "(new)"} vanished under the cart's lock.`);
      await hold.settle(tx, line.held, line.id);
      // The cart is in the product's currency (it was, or it just took it).
      return {
        line: { id: line.id, variantId: variant.id, quantity },
        itemCount: line.itemCount,
        subtotalCents: line.subtotalCents,
        currency: variant.currency,
      };
    },
    { create: true },
  );
  return result;
}

/** The cart's line for a variant (or for the product, when the cart has one line of it). */
async function findLine(tx: Tx, cartId: string, ref: CartItemRef) {
  const lines = await tx.cartItem.findMany({
    where: { cartId, ...(ref.variantId ? { variantId: ref.variantId } : { productId: ref.productId ?? "" }) },
    select: {
      id: true,
      productId: true,
      variantId: true,
      variant: { select: { title: true, priceCents: true } },
      product: { select: { name: true } },
    },
    take: 2,
  });
  const line = lines[0];
  if (!line) throw new DomainError("NOT_FOUND", "That product is not in your cart. Reload the cart page.");
  if (lines.length > 1) throw new DomainError("BAD_REQUEST", "Your cart has several options of this product: say which one (variantId).");
  return { ...line, displayName: variantDisplayName(line.product.name, line.variant.title) };
}

/** Sets a line's quantity (0 removes it); growing it needs the stock, shrinking gives units back. */
export async function setCartLineQuantity(db: PrismaClient, owner: CartOwner, input: CartItemRef & { quantity: number }, now = new Date()) {
  checkQuantity(input.quantity, 0);
  if (input.quantity === 0) return removeCartLine(db, owner, input, now);
  return changeCart(db, owner, now, async (tx, cart) => {
    const line = await findLine(tx, cart.id, input);
    // Changing the line is looking at it: the buyer has seen today's price.
    await tx.cartItem.update({ where: { id: line.id }, data: { quantity: input.quantity, unitPriceCents: line.variant.priceCents } });
    await setCartItemReservation(tx, {
      cartId: cart.id,
      cartItemId: line.id,
      productId: line.productId,
      variantId: line.variantId,
      productName: line.displayName,
      quantity: input.quantity,
      now,
    });
  });
}

export async function removeCartLine(db: PrismaClient, owner: CartOwner, input: CartItemRef, now = new Date()) {
  return changeCart(db, owner, now, async (tx, cart) => {
    const line = await findLine(tx, cart.id, input);
    await releaseCartReservations(tx, { cartItemId: line.id });
    await tx.cartItem.delete({ where: { id: line.id } });
  });
}

export const normalizePromoCode = (code: string) => code.trim().toUpperCase();

export async function applyPromoCode(db: PrismaClient, owner: CartOwner, input: { code: string }, now = new Date()) {
  const code = normalizePromoCode(input.code);
  return changeCart(db, owner, now, async (tx, cart) => {
    const promo = await tx.promoCode.findUnique({ where: { code } });
    if (!promo) throw new DomainError("NOT_FOUND", `Promo code ${code} does not exist. Check the spelling.`);
    const contents = await loadCart(tx, cart.id, now);
    const lines = contents.lines.filter((line) => line.purchasable);
    if (lines.length === 0) throw new DomainError("BAD_REQUEST", "Add something to your cart before applying a promo code.");
    const reason = promoIneligibility(promo, {
      currency: contents.currency,
      lines: lines.map((line) => ({ id: line.id, sellerId: line.sellerId, unitPriceCents: line.unitPriceCents, quantity: line.quantity })),
      sellers: contents.sellers,
      now,
    });
    if (reason) throw new DomainError("BAD_REQUEST", reason, { code });
    await tx.cart.update({ where: { id: cart.id }, data: { promoCodeId: promo.id } });
  });
}

export async function removePromoCode(db: PrismaClient, owner: CartOwner, now = new Date()) {
  return changeCart(db, owner, now, async (tx, cart) => {
    await tx.cart.update({ where: { id: cart.id }, data: { promoCodeId: null } });
  });
}
