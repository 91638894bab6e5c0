import { PaymentProvider } from "@bazaar/db";
import { z } from "zod";
import { checkout } from "../domain/checkout/checkout";
import { byAddress, throttled } from "../throttle/middleware";
import { publicProcedure, router } from "../trpc";
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
  accessToken: z.string().nullable(),
});

export const checkoutRouter = router({
  /**
   * Places the order from the cart and returns what the page needs to collect payment: a signed-in
   * buyer's cart, or a guest's (their cart cookie, with the email they give).
   */
  start: publicProcedure
    .use(throttled("checkout", (ctx) => ctx.actor?.userId ?? byAddress(ctx), "Too many checkouts in a short time."))
    .input(ZCheckoutSchema)
    .output(ZCheckoutResultSchema)
    .mutation(({ ctx, input }) => checkout(ctx.db, ctx.actor, input, { guestToken: ctx.guestCartToken })),
});
