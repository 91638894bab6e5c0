import { z } from "zod";
import { ZCountryCode } from "./cart";

const text = (label: string, max: number) =>
  z
    .string({ message: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} is at most ${max} characters.`);
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} is at most ${max} characters.`)
    .optional()
    .transform((value) => (value ? value : undefined));

export const ZAddressSchema = z.object({
  label: optionalText("Label", 40),
  fullName: text("Full name", 120),
  line1: text("Address line 1", 200),
  line2: optionalText("Address line 2", 200),
  city: text("City", 100),
  region: optionalText("State / region", 100),
  postalCode: text("Postal code", 20),
  country: ZCountryCode,
  phone: optionalText("Phone", 40),
});
export type AddressInput = z.input<typeof ZAddressSchema>;
/** An address after validation (trimmed, country upper-cased). */
export type Address = z.output<typeof ZAddressSchema>;

export const ZCreateAddressSchema = ZAddressSchema.extend({ isDefault: z.boolean().optional() });
export const ZUpdateAddressSchema = ZCreateAddressSchema.partial().extend({ id: z.string().trim().min(1).max(64) });

/** A saved address as the address book's writes answer it. */
export const ZSavedAddressSchema = z.object({
  id: z.string(),
  label: z.string().nullable(),
  fullName: z.string(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  region: z.string().nullable(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string().nullable(),
  isDefault: z.boolean(),
  createdAt: z.date(),
});
export const ZAddressDeletedSchema = z.object({ id: z.string() });
