import { bazaarEvent, inngest } from "../../../events/client";
import { splitPayment } from "../split-payment";

/**
 * `payment/captured` -> the payment's ledger split (buyer -> clearing -> sellers' payables and
 * platform commission). `splitPayment` is keyed by the payment id, so a retried or redelivered
 * run finds the first split instead of writing another; being its one unit of work, it needs no
 * step around it (a step would cost a second call of the function, to finish, on every run).
 */
export const splitCapturedPayment = inngest.createFunction(
  { id: "ledger-split-payment", name: "Split a captured payment in the ledger", triggers: [bazaarEvent("payment/captured")] },
  async ({ event, db }) => splitPayment(db, event.data.paymentId),
);
