import { PaymentProvider } from "@bazaar/db";
import { z } from "zod";
import { getPaymentGateway } from "../domain/payments/gateway";
import { confirmSimulatedPayment } from "../domain/payments/simulator";
import { getEnv } from "../env";
import { byUser, throttled } from "../throttle/middleware";
import { buyerProcedure, publicProcedure, router } from "../trpc";
import { ZSimulatorConfirmSchema } from "../validators/payments";

export const paymentsRouter = router({
  /** Which payment form the storefront shows: Stripe Elements (with its publishable key) or the local simulator's card field. */
  config: publicProcedure
    .output(z.object({ provider: z.enum(PaymentProvider), publishableKey: z.string().nullable() }))
    .query(() => ({ provider: getPaymentGateway().provider, publishableKey: getEnv().STRIPE_PUBLISHABLE_KEY ?? null })),
  /** Pays a simulated PaymentIntent with a Stripe test card; the outcome is applied by the webhook before this returns. */
  simulatorConfirm: buyerProcedure
    .use(throttled("paymentConfirm", byUser, "Too many payment attempts in a short time."))
    .input(ZSimulatorConfirmSchema)
    .output(z.object({ status: z.enum(["succeeded", "failed"]), message: z.string().nullable(), orderId: z.string() }))
    .mutation(({ ctx, input }) => confirmSimulatedPayment(ctx.db, input, { buyerId: ctx.actor.userId })),
});
