// Where the order lifecycle meets loyalty, each called inside the transaction that made the change.
import type { Tx } from "@bazaar/db";
import { recomputeTier } from "./member";
import { clawBackEarnedPoints, earnPointsForShipment, returnRedeemedPoints } from "./points";

/** A shipment was delivered: its buyer earns (pending) points, and their spend, so their tier, moved. */
export async function onShipmentDelivered(tx: Tx, shipmentId: string, deliveredAt: Date): Promise<void> {
  const { buyerId } = await earnPointsForShipment(tx, shipmentId, deliveredAt);
  if (buyerId) await recomputeTier(tx, buyerId, deliveredAt);
}

/**
 * A refund's ledger reversal was posted: the redeemed points it gave back are the buyer's again,
 * the points the refunded parts earned shrink, and a delivered part's refund lowers their spend.
 */
export async function onRefundReversed(
  tx: Tx,
  input: { refundId: string; orderId: string; orderNumber: number; buyerId: string | null; pointsBack: number; shipmentIds: string[] },
): Promise<void> {
  await takeBack(tx, { ...input, key: input.refundId, cause: `Refund on order #${input.orderNumber}` });
}

/**
 * A dispute was lost: the buyer has the disputed amount back through their bank, which loyalty
 * treats as a refund of that amount (redeemed points back, earned points and spend shrink).
 */
export async function onDisputeLost(
  tx: Tx,
  input: { disputeId: string; orderId: string; orderNumber: number; buyerId: string | null; pointsBack: number; shipmentIds: string[] },
): Promise<void> {
  await takeBack(tx, { ...input, key: `dispute:${input.disputeId}`, cause: `Dispute on order #${input.orderNumber}` });
}

async function takeBack(
  tx: Tx,
  input: { key: string; cause: string; orderId: string; buyerId: string | null; pointsBack: number; shipmentIds: string[] },
): Promise<void> {
  if (!input.buyerId) return;
  await returnRedeemedPoints(tx, {
    orderId: input.orderId,
    points: input.pointsBack,
    key: `return:${input.key}`,
    description: `${input.cause}: points given back`,
  });
  let earnedBack = 0;
  for (const shipmentId of input.shipmentIds) earnedBack += await clawBackEarnedPoints(tx, shipmentId, input.key, input.cause);
  const member = await tx.loyaltyMember.findUnique({ where: { userId: input.buyerId }, select: { userId: true } });
  if (member || earnedBack > 0) await recomputeTier(tx, input.buyerId, new Date());
}
