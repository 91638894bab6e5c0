import { bazaarEvent, inngest } from "../../../events/client";
import { splitPayment } from "../split-payment";

/**
 * `payment/captured` -> the payment's ledger split (buyer -> clearing -> sellers' payables and
 * platform commission). The payment's webhook now writes the split in its own transaction and
 * publishes no `payment/captured`; this function stays for the events a deployment published
 * before that, still in its outbox or Inngest's queue when it upgrades. `splitPayment` is keyed by
 * the payment id, so a run finds a split already written instead of writing another; being its
 * one unit of work, it needs no step around it.
 */
export const splitCapturedPayment = inngest.createFunction(
  { id: "ledger-split-payment", name: "Split a captured payment in the ledger", triggers: [bazaarEvent("payment/captured")] },
  async ({ event, db }) => splitPayment(db, event.data.paymentId),
);
