import { z } from "zod";
import { ZInputDate } from "./dates";

export const ZDashboardSchema = z.object({
  /** Inclusive start; `to` is exclusive (a day range is [from 00:00, day after to 00:00)). */
  from: ZInputDate,
  to: ZInputDate,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a three-letter currency code, e.g. USD.")
    .default("USD"),
  top: z.number().int().min(1).max(20).default(5),
});
