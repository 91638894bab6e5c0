import { z } from "zod";

export const ZAdminId = z.string().trim().min(1, "Pick a record.").max(100);

/** A reason the affected person reads (seller, buyer), so it must say something. */
export const ZReasonSchema = z
  .string()
  .trim()
  .min(3, "Give a reason of at least 3 characters; the person affected will read it.")
  .max(500, "Keep the reason under 500 characters.");

export const ZAdminPageSchema = z.object({
  cursor: z.string().max(100).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});
