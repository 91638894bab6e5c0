import { PayoutStatus } from "@bazaar/db/enums";
import { z } from "zod";
import { ZId } from "./cart";
import { ZPageSchema } from "./orders";
import { ZAdminId, ZAdminPageSchema } from "./common";

export const ZCurrencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter currency code, e.g. USD.");

export const ZLedgerEntriesSchema = ZPageSchema.extend({ currency: ZCurrencySchema.optional() });

export const ZRequestPayoutSchema = z.object({
  /** The whole available balance when absent. */
  amountCents: z.number().int("Enter whole cents.").positive("Enter an amount above zero.").max(1_000_000_000, "That amount is too large.").optional(),
  currency: ZCurrencySchema.optional(),
});

export const ZLedgerTransactionsSchema = ZPageSchema.extend({
  orderId: ZId.optional(),
  paymentId: ZId.optional(),
  payoutId: ZId.optional(),
  accountId: ZId.optional(),
});

export const ZAccountEntriesSchema = z.object({
  accountId: ZAdminId,
  cursor: z.string().max(100).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const ZListPayoutsSchema = ZAdminPageSchema.extend({
  status: z.enum(PayoutStatus).optional(),
  sellerId: z.string().trim().max(100).optional(),
});

export const ZListDisputesSchema = z.object({ status: z.enum(["OPEN", "WON", "LOST"]).optional() });
export const ZSubmitDisputeEvidenceSchema = z.object({
  disputeId: z.string().trim().min(1).max(64),
  evidence: z.string().trim().min(10, "Describe the evidence (at least 10 characters).").max(20_000, "Keep the evidence under 20,000 characters."),
});
