// Checkout as explicit steps with an explicit undo (the shape of a Medusa workflow):
//   1. place the order: one transaction that validates the cart, writes the order, its shipments,
//      items, history and payment row, turns the cart's holds HARD and freezes the cart;
//   2. ask the payment provider for a PaymentIntent, outside any transaction (a network call
//      must not hold row locks);
//   3. record the intent on the payment (nothing is published: no one acts on a checkout until
//      its payment's webhook, which writes the ledger split and publishes `order/confirmed`).
// If step 2 or 3 fails, `undoPlacedOrder` removes what step 1 wrote and gives the cart its holds
// back, so a failed checkout leaves no order behind. The buyer's idempotency key makes the whole
// thing safe to repeat: a second call with the same key finds the first order and resumes it.
import { Prisma, sqlOn, type PrismaClient, type SqlTx, type Tx } from "@bazaar/db";
import type { Actor } from "../../actor";
import { DomainError } from "../../errors";
import { ZCheckoutSchema, type CheckoutInput } from "../../validators/checkout";
import { loadCart, pointsRulesFor, priceCart, taxRateFor, type CartContents } from "../cart/load-cart";
import { reservePoints, undoPointsReservation } from "../loyalty/points";
import { hardenCartReservations, restoreCartReservations } from "../inventory/order-reservations";
import { HARD_RESERVATION_MS } from "../inventory/constants";
import { getPaymentGateway, type PaymentGateway } from "../payments/gateway";
import { formatMoney } from "../money";
import { redeemPromo, releasePromo } from "../promotions/redemption";
import { inSqlTransaction, inTransaction, KEYED } from "../transaction";
import { lockCartForCheckout, type CartOwner } from "../cart/cart-owner";
import { orderAccessToken } from "../orders/order-access";
import { insertPlacedOrder } from "./order-rows";

export interface CheckoutResult {
  orderId: string;
  orderNumber: number;
  paymentId: string;
  provider: "STRIPE" | "SIMULATOR";
  paymentIntentId: string;
  clientSecret: string;
  totalCents: number;
  currency: string;
  /** A guest's order: the token of its signed link (the confirmation page and the email use it). */
  accessToken: string | null;
}

export interface CheckoutOptions {
  /** Defaults to getPaymentGateway(); tests pass one that fails to exercise the undo. */
  gateway?: PaymentGateway;
  now?: Date;
  /** A guest's cart cookie: without a signed-in buyer, the guest checks out that cart with an email. */
  guestToken?: string | null;
}

/** Who is buying: an account, or a guest known by their cart's cookie and the email they gave. */
type Customer = { kind: "buyer"; buyerId: string; guestEmail: null; cart: CartOwner } | { kind: "guest"; buyerId: null; guestEmail: string; cart: CartOwner };

function customerOf(actor: Actor | null, input: ReturnType<typeof ZCheckoutSchema.parse>, guestToken: string | null | undefined): Customer {
  if (actor) {
    if (actor.status === "SUSPENDED") throw new DomainError("FORBIDDEN", "Your account is suspended. Contact support.");
    return { kind: "buyer", buyerId: actor.userId, guestEmail: null, cart: { buyerId: actor.userId } };
  }
  if (!guestToken) throw new DomainError("BAD_REQUEST", "Your cart is empty. Add a product before checking out.");
  if (!input.email) throw new DomainError("BAD_REQUEST", "Enter your email address: your receipt and your order's link are sent there.");
  if (input.addressId) throw new DomainError("BAD_REQUEST", "Enter a shipping address: saved addresses belong to accounts.");
  return { kind: "guest", buyerId: null, guestEmail: input.email.toLowerCase(), cart: { guestToken } };
}

/** Card networks refuse smaller charges (Stripe's minimum is 50 cents). */
const MIN_CHARGE_CENTS = 50;

interface PlacedOrder {
  orderId: string;
  orderNumber: number;
  paymentId: string;
  paymentKey: string;
  totalCents: number;
  currency: string;
}

/** Thrown inside placeOrder (so its transaction rolls back) when the idempotency key already has an order. */
class PlacedBefore extends Error {
  constructor() {
    super("placed before");
  }
}

/** The unique violation of an order's idempotency key (per buyer, or per guest email). */
const isTakenKey = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  (error as { code?: unknown }).code === "23505" &&
  ["Order_buyerId_idempotencyKey_key", "Order_guestEmail_idempotencyKey_key"].includes(String((error as { constraint?: unknown }).constraint));

class PricesChanged extends Error {
  constructor(
    readonly changes: { lineId: string; name: string; from: number; to: number }[],
    readonly currency: string,
  ) {
    super("prices changed");
  }
}

export async function checkout(db: PrismaClient, actor: Actor | null, rawInput: CheckoutInput, options: CheckoutOptions = {}): Promise<CheckoutResult> {
  if (!actor && !options.guestToken && !rawInput.email) throw new DomainError("UNAUTHORIZED", "Sign in, or check out as a guest with your email address.");
  const parsed = ZCheckoutSchema.safeParse(rawInput);
  if (!parsed.success) throw new DomainError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "Check the checkout form.");
  const input = parsed.data;
  const customer = customerOf(actor, input, options.guestToken);
  const gateway = options.gateway ?? getPaymentGateway();
  const now = options.now ?? new Date();

  let placed: PlacedOrder;
  try {
    // Every statement of placeOrder is written out: its transaction runs on a pooled connection
    // without Prisma's interactive transaction (inSqlTransaction).
    placed = await inSqlTransaction(db, (tx) => placeOrder(tx, customer, input, gateway.provider, now), KEYED);
  } catch (error) {
    if (error instanceof PricesChanged) throw await acceptNewPrices(db, error);
    if (!(error instanceof PlacedBefore)) throw error;
    // The same key placed an order before (a repeated request, or a twin that got the cart lock first).
    const twin = await findOrderByKey(db, customer, input.idempotencyKey);
    if (!twin) throw new DomainError("CONFLICT", "Your checkout is still being processed. Reload the page in a moment.");
    return resumeCheckout(db, twin, gateway);
  }

  let intent: { id: string; clientSecret: string };
  try {
    intent = await gateway.createPaymentIntent({
      amountCents: placed.totalCents,
      currency: placed.currency,
      idempotencyKey: placed.paymentKey,
      metadata: { orderId: placed.orderId, orderNumber: String(placed.orderNumber), paymentId: placed.paymentId },
    });
    await recordIntent(db, placed.paymentId, intent);
  } catch (error) {
    await undoPlacedOrder(db, placed.orderId, now);
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      "PAYMENT_FAILED",
      "We could not start the payment with our payment provider. Nothing was charged and your cart is unchanged: please try again in a moment.",
      { cause: error instanceof Error ? error.message : String(error) },
    );
  }
  return {
    orderId: placed.orderId,
    orderNumber: placed.orderNumber,
    paymentId: placed.paymentId,
    provider: gateway.provider,
    paymentIntentId: intent.id,
    clientSecret: intent.clientSecret,
    totalCents: placed.totalCents,
    currency: placed.currency,
    accessToken: customer.buyerId ? null : orderAccessToken(placed.orderId),
  };
}

async function findOrderByKey(db: Tx, customer: Customer, idempotencyKey: string) {
  return db.order.findUnique({
    where:
      customer.kind === "buyer"
        ? { buyerId_idempotencyKey: { buyerId: customer.buyerId, idempotencyKey } }
        : { guestEmail_idempotencyKey: { guestEmail: customer.guestEmail, idempotencyKey } },
    select: {
      id: true,
      number: true,
      status: true,
      totalCents: true,
      currency: true,
      buyerId: true,
      payments: { orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
}

/** The same key again: return the first attempt's order, creating its intent if that never finished. */
async function resumeCheckout(
  db: PrismaClient,
  order: NonNullable<Awaited<ReturnType<typeof findOrderByKey>>>,
  gateway: PaymentGateway,
): Promise<CheckoutResult> {
  const payment = order.payments[0];
  if (!payment) throw new DomainError("CONFLICT", "This checkout has no payment. Start a new checkout from your cart.");
  let intent = payment.providerPaymentId && payment.clientSecret ? { id: payment.providerPaymentId, clientSecret: payment.clientSecret } : null;
  if (!intent) {
    if (order.status !== "PENDING_PAYMENT") throw new DomainError("CONFLICT", `Order #${order.number} is no longer awaiting payment.`);
    // The provider returns the same intent for the same key, so racing the first attempt is harmless.
    intent = await gateway.createPaymentIntent({
      amountCents: payment.amountCents,
      currency: payment.currency,
      idempotencyKey: payment.idempotencyKey,
      metadata: { orderId: order.id, orderNumber: String(order.number), paymentId: payment.id },
    });
    await recordIntent(db, payment.id, intent);
  }
  return {
    orderId: order.id,
    orderNumber: order.number,
    paymentId: payment.id,
    provider: payment.provider,
    paymentIntentId: intent.id,
    clientSecret: intent.clientSecret,
    totalCents: order.totalCents,
    currency: order.currency,
    accessToken: order.buyerId ? null : orderAccessToken(order.id),
  };
}

/** Step 3: the first to record the intent wins; a repeat with the same intent (a retried checkout) finds it recorded. */
async function recordIntent(db: PrismaClient, paymentId: string, intent: { id: string; clientSecret: string }) {
  const recorded = await sqlOn(db).$executeRaw`
    UPDATE "Payment" SET "providerPaymentId" = ${intent.id}, "clientSecret" = ${intent.clientSecret}, "updatedAt" = now()
     WHERE "id" = ${paymentId} AND "providerPaymentId" IS NULL`;
  if (recorded) return;
  const payment = await db.payment.findUnique({ where: { id: paymentId }, select: { providerPaymentId: true } });
  if (payment?.providerPaymentId === intent.id) return;
  throw new DomainError("CONFLICT", "This checkout was cancelled while it was starting. Check your cart and try again.");
}

async function resolveAddress(tx: SqlTx, buyerId: string | null, input: ReturnType<typeof ZCheckoutSchema.parse>) {
  if (input.shippingAddress) return input.shippingAddress;
  if (!buyerId || !input.addressId) throw new DomainError("BAD_REQUEST", "Enter a shipping address.");
  const [address] = await tx.$queryRaw<Record<string, string | null>[]>`
    SELECT "fullName", "line1", "line2", "city", "region", "postalCode", "country", "phone", "label"
      FROM "Address" WHERE "id" = ${input.addressId} AND "userId" = ${buyerId}`;
  if (!address) throw new DomainError("NOT_FOUND", "That address is not in your address book. Choose another or enter one.");
  return Object.fromEntries(Object.entries(address).filter(([, value]) => value !== null));
}

function assertCheckoutable(contents: CartContents) {
  if (contents.lines.length === 0) throw new DomainError("BAD_REQUEST", "Your cart is empty. Add a product before checking out.");
  const unavailable = contents.lines.filter((line) => !line.purchasable);
  if (unavailable.length) {
    throw new DomainError(
      "BAD_REQUEST",
      `${unavailable.map((line) => `"${line.name}"`).join(", ")} ${unavailable.length === 1 ? "is" : "are"} no longer available. Remove ${unavailable.length === 1 ? "it" : "them"} from your cart to check out.`,
      { productIds: unavailable.map((line) => line.productId) },
    );
  }
  const changed = contents.lines.filter((line) => line.unitPriceCents !== line.snapshotPriceCents);
  if (changed.length) {
    throw new PricesChanged(
      changed.map((line) => ({ lineId: line.id, name: line.name, from: line.snapshotPriceCents, to: line.unitPriceCents })),
      contents.currency,
    );
  }
}

/** Step 1, in one transaction. */
async function placeOrder(
  tx: SqlTx,
  customer: Customer,
  input: ReturnType<typeof ZCheckoutSchema.parse>,
  provider: "STRIPE" | "SIMULATOR",
  now: Date,
): Promise<PlacedOrder> {
  const { buyerId, guestEmail } = customer;
  // Frozen for checkout from this statement on; every way out below but the placed order throws,
  // which rolls that back.
  const cart = await lockCartForCheckout(tx, customer.cart, now);
  // A repeat of a checkout that placed its order finds its cart checked out, or none once the order
  // was paid (the cart closed): it is answered with that order. On the usual way, with a cart to check out, the order's
  // unique key answers instead (the insert below), so a first checkout costs no lookup.
  if (!cart || cart.status === "CHECKOUT") {
    const [twin] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Order"
       WHERE ${customer.kind === "buyer" ? Prisma.sql`"buyerId" = ${customer.buyerId}` : Prisma.sql`"guestEmail" = ${customer.guestEmail}`}
         AND "idempotencyKey" = ${input.idempotencyKey}`;
    if (twin) throw new PlacedBefore();
  }
  if (!cart) throw new DomainError("BAD_REQUEST", "Your cart is empty. Add a product before checking out.");
  if (cart.status === "CHECKOUT") {
    const [pending] = await tx.$queryRaw<{ id: string; number: number }[]>`
      SELECT "id", "number" FROM "Order" WHERE "cartId" = ${cart.id} AND "status" = 'PENDING_PAYMENT' ORDER BY "createdAt" DESC LIMIT 1`;
    throw new DomainError(
      "CONFLICT",
      pending
        ? `Order #${pending.number} from this cart is awaiting payment. Complete that payment, or wait 30 minutes for it to lapse.`
        : "This cart is already being checked out. Reload the page.",
      { orderId: pending?.id ?? null },
    );
  }

  // An address given with the checkout is known before the cart is read: its tax rate comes with the cart.
  const contents = await loadCart(tx, cart.id, now, { taxCountry: input.shippingAddress ? String(input.shippingAddress.country) : undefined });
  assertCheckoutable(contents);
  const address = await resolveAddress(tx, buyerId, input);
  const usePoints = input.usePoints ?? 0;
  const rules = usePoints > 0 ? await pointsToUse(tx, buyerId, contents, usePoints) : null;
  const taxRateBps = contents.taxRateBps ?? (await taxRateFor(tx, String(address.country)));
  const totals = priceCart(contents, taxRateBps, now, rules ? { requested: usePoints, ...rules } : null);
  if (usePoints > 0 && totals.pointsRedeemed === 0) {
    throw new DomainError("BAD_REQUEST", `${totals.points?.reason ?? "No points can be used on this order."} Set the points to use to 0 to check out.`);
  }
  if (totals.promo && !totals.promo.applied) throw new DomainError("BAD_REQUEST", `${totals.promo.reason} Remove the code to check out.`);
  if (totals.totalCents < MIN_CHARGE_CENTS) {
    throw new DomainError("BAD_REQUEST", `The order total must be at least ${formatMoney(MIN_CHARGE_CENTS, contents.currency)} to be paid by card.`);
  }

  const promo = contents.promoCode && totals.promo?.applied ? contents.promoCode : null;
  // A code's per-customer limits need an account to count against.
  if (promo && !buyerId) {
    throw new DomainError(
      "BAD_REQUEST",
      `Promo codes need an account: sign in or create one to use ${promo.code}, or remove the code to check out as a guest.`,
    );
  }

  const lineTotals = new Map(totals.lines.map((line) => [line.id, line]));
  const { order, payment, itemOf } = await insertPlacedOrder(tx, {
    order: {
      buyerId,
      guestEmail,
      cartId: cart.id,
      currency: contents.currency,
      subtotalCents: totals.subtotalCents,
      discountCents: totals.discountCents,
      tierDiscountCents: totals.tierDiscountCents,
      shippingDiscountCents: totals.shippingDiscountCents,
      pointsRedeemed: totals.pointsRedeemed,
      pointsDiscountCents: totals.pointsDiscountCents,
      tierName: totals.tier?.name ?? null,
      shippingCents: totals.shippingCents,
      taxCents: totals.taxCents,
      totalCents: totals.totalCents,
      promoCodeId: promo?.id ?? null,
      shippingAddress: address,
      idempotencyKey: input.idempotencyKey,
      paymentDueAt: new Date(now.getTime() + HARD_RESERVATION_MS),
    },
    shipments: totals.sellers,
    items: contents.lines.map((line) => ({
      productId: line.productId,
      variantId: line.variantId,
      sellerId: line.sellerId,
      sku: line.sku,
      name: line.name,
      variantTitle: line.variantTitle,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      subtotalCents: lineTotals.get(line.id)?.subtotalCents ?? 0,
      discountCents: lineTotals.get(line.id)?.discountCents ?? 0,
      tierDiscountCents: lineTotals.get(line.id)?.tierDiscountCents ?? 0,
      pointsDiscountCents: lineTotals.get(line.id)?.pointsDiscountCents ?? 0,
      taxCents: lineTotals.get(line.id)?.taxCents ?? 0,
    })),
    provider,
  }).catch((error: unknown) => {
    // The key placed an order before, on a cart that was opened again (its order was cancelled unpaid), or
    // another cart's checkout with the same key committed first.
    throw isTakenKey(error) ? new PlacedBefore() : error;
  });

  await hardenCartReservations(tx, {
    cartId: cart.id,
    orderId: order.id,
    lines: contents.lines.map((line) => ({
      cartItemId: line.id,
      orderItemId: itemOf.get(line.variantId) ?? "",
      productId: line.productId,
      variantId: line.variantId,
      productName: line.name,
      quantity: line.quantity,
      held: line.heldQuantity,
    })),
    now,
    holdsExtended: true,
  });

  if (promo && buyerId) await redeemPromo(tx, { promo, orderId: order.id, buyerId, amountCents: totals.discountCents });
  if (totals.pointsRedeemed > 0 && buyerId)
    await reservePoints(tx, { userId: buyerId, orderId: order.id, orderNumber: order.number, points: totals.pointsRedeemed, now });

  return {
    orderId: order.id,
    orderNumber: order.number,
    paymentId: payment.id,
    paymentKey: payment.key,
    totalCents: totals.totalCents,
    currency: contents.currency,
  };
}

/** The redemption rules for a buyer asking to use points, refusing a guest or more points than they have. */
async function pointsToUse(tx: SqlTx, buyerId: string | null, contents: CartContents, usePoints: number) {
  if (!buyerId) throw new DomainError("BAD_REQUEST", "Points belong to accounts: sign in to use them, or set the points to use to 0.");
  const available = contents.loyalty?.availablePoints ?? 0;
  if (usePoints > available) {
    throw new DomainError("BAD_REQUEST", `You have ${available} points available: use at most that many.`, { availablePoints: available });
  }
  return pointsRulesFor(tx, contents);
}

/**
 * Prices moved since the buyer last saw them: the cart takes today's prices (committed), and
 * the buyer is asked to look again rather than being charged a price they were not shown.
 */
async function acceptNewPrices(db: PrismaClient, changed: PricesChanged): Promise<DomainError> {
  await inTransaction(db, async (tx) => {
    for (const change of changed.changes) {
      await tx.cartItem.updateMany({ where: { id: change.lineId, unitPriceCents: change.from }, data: { unitPriceCents: change.to } });
    }
  });
  const list = changed.changes.map((c) => `"${c.name}" from ${formatMoney(c.from, changed.currency)} to ${formatMoney(c.to, changed.currency)}`).join("; ");
  return new DomainError("CONFLICT", `Prices changed since you added them: ${list}. Review your cart and check out again.`, {
    priceChanges: changed.changes,
  });
}

/** The undo of step 1: no order remains, the cart is ACTIVE with its holds, the promo use and the points are given back. */
export async function undoPlacedOrder(db: PrismaClient, orderId: string, now = new Date()): Promise<void> {
  await inTransaction(db, async (tx) => {
    const order = await tx.order.findUnique({ where: { id: orderId }, select: { id: true, cartId: true } });
    if (!order) return;
    await restoreCartReservations(tx, order.id, now);
    await tx.reservation.deleteMany({ where: { orderId: order.id, type: "HARD" } });
    await releasePromo(tx, order.id);
    await undoPointsReservation(tx, order.id);
    await tx.payment.deleteMany({ where: { orderId: order.id } });
    await tx.order.delete({ where: { id: order.id } });
    if (order.cartId) await tx.cart.updateMany({ where: { id: order.cartId, status: "CHECKOUT" }, data: { status: "ACTIVE" } });
  });
}
