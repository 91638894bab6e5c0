import { z } from "zod";

export const ZDashboardSchema = z.object({
  /** Inclusive start; `to` is exclusive (a day range is [from 00:00, day after to 00:00)). */
  from: z.coerce.date(),
  to: z.coerce.date(),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a three-letter currency code, e.g. USD.")
    .default("USD"),
  top: z.number().int().min(1).max(20).default(5),
});
