import { PaymentProvider } from "@bazaar/db";
import { z } from "zod";
import { getPaymentGateway } from "../domain/payments/gateway";
import { confirmSimulatedPayment } from "../domain/payments/simulator";
import { getEnv } from "../env";
import { byAddress, throttled } from "../throttle/middleware";
import { publicProcedure, router } from "../trpc";
import { ZSimulatorConfirmSchema } from "../validators/payments";

export const paymentsRouter = router({
  /** Which payment form the storefront shows: Stripe Elements (with its publishable key) or the local simulator's card field. */
  config: publicProcedure
    .output(z.object({ provider: z.enum(PaymentProvider), publishableKey: z.string().nullable() }))
    .query(() => ({ provider: getPaymentGateway().provider, publishableKey: getEnv().STRIPE_PUBLISHABLE_KEY ?? null })),
  /** Pays a simulated PaymentIntent with a Stripe test card; the outcome is applied by the webhook before this returns. */
  // A guest pays too: the client secret proves the payment is theirs, as with Stripe.js.
  simulatorConfirm: publicProcedure
    .use(throttled("paymentConfirm", (ctx) => ctx.actor?.userId ?? byAddress(ctx), "Too many payment attempts in a short time."))
    .input(ZSimulatorConfirmSchema)
    .output(z.object({ status: z.enum(["succeeded", "failed"]), message: z.string().nullable(), orderId: z.string() }))
    .mutation(({ ctx, input }) => confirmSimulatedPayment(ctx.db, input, { buyerId: ctx.actor?.userId ?? null })),
});
