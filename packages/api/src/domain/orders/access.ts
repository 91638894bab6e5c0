import type { Tx } from "@bazaar/db";
import type { Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";

// The one answer to "may this actor see or act on this order?", so that who owns an order (today
// its buyerId; later perhaps a guest's email) is decided in one place.

export type OrderRole = { as: "buyer" } | { as: "seller"; sellerId: string } | { as: "admin" };

/**
 * How `actor` relates to the order: its buyer, a seller with a part in it, or an administrator.
 * Anyone else is told the order does not exist, so order ids cannot be probed.
 */
export async function orderRoleOf(tx: Tx, actor: Actor | null, orderId: string): Promise<OrderRole> {
  if (!actor) throw new DomainError("UNAUTHORIZED", "Sign in to continue.");
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
export async function requireOrderRole<R extends OrderRole["as"]>(tx: Tx, actor: Actor | null, orderId: string, allowed: readonly R[], what: string) {
  const role = await orderRoleOf(tx, actor, orderId);
  if (!(allowed as readonly string[]).includes(role.as)) {
    const who = allowed.map((r) => (r === "buyer" ? "the buyer" : r === "seller" ? "the seller" : "an administrator")).join(" or ");
    throw new DomainError("FORBIDDEN", `Only ${who} can ${what}.`);
  }
  return role as Extract<OrderRole, { as: R }>;
}
