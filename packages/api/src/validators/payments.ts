import { z } from "zod";

export const ZSimulatorConfirmSchema = z.object({
  paymentIntentId: z
    .string()
    .trim()
    .regex(/^pi_sim_[a-f0-9]+$/, "That is not a simulated payment."),
  clientSecret: z.string().min(1).max(200),
  cardNumber: z.string().trim().min(1, "Enter your card number.").max(30, "That card number is too long."),
});
