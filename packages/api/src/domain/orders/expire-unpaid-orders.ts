import type { PrismaClient } from "@bazaar/db";
import { inTransaction } from "../transaction";
import { closeUnpaidOrder } from "./close-order";
import { lockOrder } from "./transitions";

const BATCH = 200;

/**
 * Orders still awaiting payment after their deadline are cancelled: stock released (EXPIRED),
 * payment FAILED, cart back to ACTIVE. Each order in its own transaction under its lock, so a
 * payment webhook racing the sweep either wins (the order is paid) or finds it cancelled (and
 * refunds the late payment). Returns how many orders expired.
 */
export async function expireUnpaidOrders(db: PrismaClient, now = new Date()): Promise<number> {
  let expired = 0;
  let cursor: string | undefined;
  for (;;) {
    const due = await db.order.findMany({
      where: { status: "PENDING_PAYMENT", paymentDueAt: { lt: now }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true },
    });
    for (const { id } of due) {
      const done = await inTransaction(db, async (tx) => {
        const order = await lockOrder(tx, id);
        if (order.status !== "PENDING_PAYMENT" || !order.paymentDueAt || order.paymentDueAt >= now) return false;
        await closeUnpaidOrder(tx, order, { stockOutcome: "EXPIRED", reason: "Payment was not received in time" });
        return true;
      });
      if (done) expired += 1;
    }
    if (due.length < BATCH) return expired;
    cursor = due.at(-1)?.id;
  }
}
