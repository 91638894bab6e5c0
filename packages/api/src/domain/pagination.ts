import { z } from "zod";

export const ZAdminId = z.string().trim().min(1, "Pick a record.").max(100);

/** A reason the affected person reads (seller, buyer), so it must say something. */
export const ZReasonSchema = z
  .string()
  .trim()
  .min(
    3,
    "Give a reason of at least 3 characters; the person affected will read it.",
  )
  .max(500, "Keep the reason under 500 characters.");

export const ZAdminPageSchema = z.object({
  cursor: z.string().max(100).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});

/** The currency the platform books in until sellers may choose another. */
export const PLATFORM_CURRENCY = "USD";

/** Cursor pagination over a `take: limit + 1` query. */
export function page<T extends { id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  return {
    items,
    nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null,
  };
}
