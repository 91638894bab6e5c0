import { z } from "zod";
import { ZAddressSchema } from "./address";
import { ZId } from "./cart";

export const ZCheckoutSchema = z
  .object({
    /** Made by the checkout page once per attempt: a double click sends the same key. */
    idempotencyKey: z
      .string()
      .trim()
      .min(8, "The checkout key is too short: reload the checkout page.")
      .max(100, "The checkout key is too long: reload the checkout page.")
      .regex(/^[A-Za-z0-9_:.-]+$/, "The checkout key has unexpected characters: reload the checkout page."),
    addressId: ZId.optional(),
    shippingAddress: ZAddressSchema.optional(),
    /** A guest's email: the order, its emails and its link belong to it. Ignored for a signed-in buyer. */
    email: z.email("Enter a valid email address so we can send your receipt.").max(254, "That email address is too long.").optional(),
    /** Points to use (1 point = 1 cent): rounded down to whole steps and capped at the order's share. */
    usePoints: z
      .number()
      .int("Use a whole number of points.")
      .min(0, "Points to use cannot be negative.")
      .max(10_000_000, "That is more points than anyone has.")
      .optional(),
  })
  .refine((input) => Boolean(input.addressId) !== Boolean(input.shippingAddress), {
    message: "Choose a saved address or enter a shipping address (one of the two).",
    path: ["shippingAddress"],
  });
export type CheckoutInput = z.input<typeof ZCheckoutSchema>;
