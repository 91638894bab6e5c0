// Who may see and act on an order: the signed-in buyer it belongs to, or whoever holds the signed
// link of a guest's order (sent to the guest's email with the confirmation). The link is an HMAC
// of the order id under a key derived from AUTH_SECRET, so it cannot be guessed from the id and
// needs no table; it keeps working after the guest attaches the order to an account.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Prisma, Tx } from "@bazaar/db";
import { requireUser, type Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";
import { getEnv } from "../../env";
import { urls } from "../../mail/links";

export function orderAccessToken(orderId: string, secret = getEnv().AUTH_SECRET): string {
  return createHmac("sha256", secret).update(`bazaar:order-access:${orderId}`).digest("base64url");
}

export function isValidOrderToken(orderId: string, token: string, secret = getEnv().AUTH_SECRET): boolean {
  const expected = Buffer.from(orderAccessToken(orderId, secret));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface OrderRef {
  orderId: string;
  /** The signed link's token, for a guest (or anyone opening the emailed link). */
  token?: string | null;
}

/**
 * The filter that finds the order only for someone allowed to see it, and who they are for the
 * order's history (`actorId`, null for a guest). Someone else's order is reported as missing, so
 * order ids cannot be probed.
 */
export function orderViewer(actor: Actor | null, ref: OrderRef): { where: Prisma.OrderWhereInput; actorId: string | null; isGuest: boolean } {
  if (ref.token) {
    if (!isValidOrderToken(ref.orderId, ref.token))
      throw new DomainError("NOT_FOUND", "This order link is not valid. Open the link in your order email again.");
    return { where: { id: ref.orderId }, actorId: actor?.userId ?? null, isGuest: !actor };
  }
  const { userId } = requireUser(actor);
  return { where: { id: ref.orderId, buyerId: userId }, actorId: userId, isGuest: false };
}

/** Where an order's emails go: the account's address, or the guest's. */
export function customerEmail(order: { buyer: { email: string } | null; guestEmail: string | null }): string {
  const email = order.buyer?.email ?? order.guestEmail;
  if (!email) throw new Error("An order has neither a buyer nor a guest email (the database forbids it).");
  return email;
}

/** The order's page as its emails link to it: the account's order page, or the guest's signed link. */
export function customerOrderUrl(order: { id: string; buyerId: string | null }): string {
  return order.buyerId ? urls.order(order.id) : urls.guestOrder(order.id, orderAccessToken(order.id));
}

/**
 * A guest's orders join the account with their email once that email is proven theirs (verified
 * by its link, or reset by its link): at verification and at each sign-in after it. Before that,
 * anyone could sign up with someone else's address and read their orders.
 */
export async function attachGuestOrders(db: Tx, userId: string): Promise<number> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true, role: true } });
  if (!user?.emailVerified || user.role !== "BUYER") return 0;
  const { count } = await db.order.updateMany({ where: { guestEmail: user.email.toLowerCase(), buyerId: null }, data: { buyerId: userId } });
  return count;
}

// The roles for acting on an order after the sale (refunds, returns, disputes): its buyer (or
// whoever holds its signed link: a guest), a seller with a part in it, or an administrator.

export type OrderRole = { as: "buyer" } | { as: "seller"; sellerId: string } | { as: "admin" };

/**
 * How `actor` relates to the order: its buyer, a seller with a part in it, or an administrator.
 * Whoever brings the order's signed link (`token`) acts as its buyer, signed in or not: that is how
 * a guest, who has no account, returns items. Anyone else is told the order does not exist, so
 * order ids cannot be probed.
 */
export async function orderRoleOf(tx: Tx, actor: Actor | null, orderId: string, token?: string | null): Promise<OrderRole> {
  if (token) {
    if (!isValidOrderToken(orderId, token)) throw new DomainError("NOT_FOUND", "This order link is not valid. Open the link in your order email again.");
    if (!(await tx.order.findUnique({ where: { id: orderId }, select: { id: true } }))) throw notFound("The order");
    return { as: "buyer" };
  }
  if (!actor) throw new DomainError("UNAUTHORIZED", "Sign in to continue.");
  if (actor.status === "SUSPENDED") throw new DomainError("FORBIDDEN", "Your account is suspended. Contact support.");
  if (actor.role === "ADMIN") {
    if (!(await tx.order.findUnique({ where: { id: orderId }, select: { id: true } }))) throw notFound("The order");
    return { as: "admin" };
  }
  const order = await tx.order.findUnique({ where: { id: orderId }, select: { buyerId: true } });
  if (!order) throw notFound("The order");
  if (order.buyerId === actor.userId) return { as: "buyer" };
  if (actor.role === "SELLER" && actor.sellerId && actor.sellerStatus === "APPROVED") {
    const part = await tx.shipment.findFirst({ where: { orderId, sellerId: actor.sellerId }, select: { id: true } });
    if (part) return { as: "seller", sellerId: actor.sellerId };
  }
  throw notFound("The order");
}

/** Like `orderRoleOf`, refusing roles not in `allowed` with a message that says who may. */
export async function requireOrderRole<R extends OrderRole["as"]>(
  tx: Tx,
  actor: Actor | null,
  orderId: string,
  allowed: readonly R[],
  what: string,
  token?: string | null,
) {
  const role = await orderRoleOf(tx, actor, orderId, token);
  if (!(allowed as readonly string[]).includes(role.as)) {
    const who = allowed.map((r) => (r === "buyer" ? "the buyer" : r === "seller" ? "the seller" : "an administrator")).join(" or ");
    throw new DomainError("FORBIDDEN", `Only ${who} can ${what}.`);
  }
  return role as Extract<OrderRole, { as: R }>;
}
