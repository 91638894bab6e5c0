import { PaymentProvider } from "@bazaar/db";
import { z } from "zod";
import { checkout } from "../domain/checkout/checkout";
import { byUser, throttled } from "../throttle/middleware";
import { buyerProcedure, router } from "../trpc";
import { ZCheckoutSchema } from "../validators/checkout";

export const ZCheckoutResultSchema = z.object({
  orderId: z.string(),
  orderNumber: z.number().int(),
  paymentId: z.string(),
  provider: z.enum(PaymentProvider),
  paymentIntentId: z.string(),
  clientSecret: z.string(),
  totalCents: z.number().int(),
  currency: z.string(),
});

export const checkoutRouter = router({
  /** Places the order from the buyer's cart and returns what the page needs to collect payment. */
  start: buyerProcedure
    .use(throttled("checkout", byUser, "Too many checkouts in a short time."))
    .input(ZCheckoutSchema)
    .output(ZCheckoutResultSchema)
    .mutation(({ ctx, input }) => checkout(ctx.db, ctx.actor, input)),
});
