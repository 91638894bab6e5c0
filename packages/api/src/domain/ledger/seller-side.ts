import { Prisma, type Tx } from "@bazaar/db";
import { publish } from "../../events/publish";
import { formatMoney } from "../money";
import { notify } from "../notifications";
import { ensureSellerLedgerAccounts, lockAccounts, lockShipments, sellerAccountFor } from "./accounts";
import { accountBalanceCents } from "./balances";

export interface SellerSide {
  sellerId: string;
  /** Pending funds while the shipment is in its payout hold, the payable after. */
  accountId: string;
  payableId: string;
  released: boolean;
}

/**
 * The account each shipment's seller side of a refund or dispute moves: locks the shipments (so a
 * release cannot slip in) and, for released ones, the payables (so a payout request waits and
 * then sees the new balance: a refund and a payout at the same moment come out one after the other).
 */
export async function sellerSidesFor(tx: Tx, shipments: { id: string; sellerId: string }[], currency: string): Promise<Map<string, SellerSide>> {
  const holds = await lockShipments(
    tx,
    shipments.map((s) => s.id),
  );
  const sides = new Map<string, SellerSide>();
  for (const shipment of shipments) {
    const accounts = await ensureSellerLedgerAccounts(tx, shipment.sellerId, currency);
    const hold = holds.get(shipment.id) ?? { fundsReleasedAt: null };
    sides.set(shipment.id, {
      sellerId: shipment.sellerId,
      accountId: sellerAccountFor(hold, accounts),
      payableId: accounts.payableId,
      released: !!hold.fundsReleasedAt,
    });
  }
  await lockAccounts(
    tx,
    [...sides.values()].filter((s) => s.released).map((s) => s.payableId),
  );
  return sides;
}

/**
 * After money was taken from released funds: a seller whose payable is now below zero owes
 * Bazaar. They are told in the console and by mail (once per transaction); their next sales pay
 * the debt down first and payouts stay refused until the balance is positive again (see payouts.ts).
 */
export async function tellSellersInDebt(tx: Tx, sides: Iterable<SellerSide>, input: { currency: string; transactionId: string; cause: string }) {
  const seen = new Set<string>();
  for (const side of sides) {
    if (!side.released || seen.has(side.sellerId)) continue;
    seen.add(side.sellerId);
    const balance = await accountBalanceCents(tx, side.payableId);
    if (balance >= 0) continue;
    const seller = await tx.seller.findUniqueOrThrow({ where: { id: side.sellerId }, select: { userId: true } });
    await notify(tx, {
      userId: seller.userId,
      type: "BALANCE_NEGATIVE",
      title: `Your balance is ${formatMoney(balance, input.currency)}`,
      body: `${input.cause} was taken from funds already paid out to you. Your next sales pay this back first; payouts resume once your balance is above zero.`,
      link: "/money",
      dedupeKey: `balance-negative:${input.transactionId}:${side.sellerId}`,
    });
    await publish(tx, "seller/balance-negative", {
      sellerId: side.sellerId,
      currency: input.currency,
      balanceCents: balance,
      transactionId: input.transactionId,
      cause: input.cause,
    });
  }
}

/**
 * What open or lost disputes hold of each shipment (the disputes-held account's net per shipment;
 * a lost dispute's payout to the buyer is booked without a shipment, so it stays counted). A refund
 * cannot give back what the bank already took.
 */
export async function disputedByShipment(tx: Tx, shipmentIds: string[]): Promise<Map<string, number>> {
  if (shipmentIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ shipmentId: string; net: bigint }[]>`
    SELECT e."shipmentId", SUM(CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END)::bigint AS net
      FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId"
     WHERE a.kind = 'DISPUTES_HELD' AND e."shipmentId" IN (${Prisma.join(shipmentIds)})
     GROUP BY e."shipmentId"`;
  return new Map(rows.map((r) => [r.shipmentId, Number(r.net)]));
}
