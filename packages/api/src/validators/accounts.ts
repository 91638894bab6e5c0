import { Role, UserStatus } from "@bazaar/db/enums";
import { z } from "zod";
import { ZAdminId, ZAdminPageSchema, ZReasonSchema } from "./common";

// Shared by the tRPC procedures and the apps' sign-in / sign-up forms, so a form shows the same
// message the server would give.

const ZEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }));

export const ZPasswordSchema = z
  .string()
  .min(8, "Use at least 8 characters.")
  // bcrypt only reads the first 72 bytes; a longer password would be silently truncated.
  .refine((value) => new TextEncoder().encode(value).length <= 72, "Use at most 72 bytes (about 72 characters).");

export const ZSignInSchema = z.object({
  email: ZEmailSchema,
  password: z.string().min(1, "Enter your password.").max(1000, "That password is too long to be one of ours."),
});
export type SignInInput = z.infer<typeof ZSignInSchema>;

export const ZRegisterBuyerSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email: ZEmailSchema,
  password: ZPasswordSchema,
});
export type RegisterBuyerInput = z.infer<typeof ZRegisterBuyerSchema>;

export const SHOP_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ZRegisterSellerSchema = ZRegisterBuyerSchema.extend({
  shopName: z.string().trim().min(2, "Use at least 2 characters.").max(80, "Use at most 80 characters."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, "Use at least 3 characters.")
    .max(48, "Use at most 48 characters.")
    .regex(SHOP_SLUG_PATTERN, "Use lower-case letters, digits and single hyphens (e.g. northwind-audio)."),
  contactEmail: ZEmailSchema,
});
export type RegisterSellerInput = z.infer<typeof ZRegisterSellerSchema>;

export const ZSearchUsersSchema = ZAdminPageSchema.extend({
  /** Email or name, any part, any case; two letters find the words they start (holdsText). */
  q: z.string().trim().max(200).optional(),
  role: z.enum(Role).optional(),
  status: z.enum(UserStatus).optional(),
});

export const ZChangeRoleSchema = z.object({
  userId: ZAdminId,
  role: z.enum(["BUYER", "ADMIN"], "An administrator may make a user a buyer or an administrator; shops are opened by sign-up and approval."),
  reason: z.string().trim().max(500).optional(),
});

export const ZSuspendUserSchema = z.object({
  userId: ZAdminId,
  reason: ZReasonSchema,
});

export const ZUserIdSchema = z.object({ userId: ZAdminId });

export const ZToken = z
  .string()
  .trim()
  .min(20, "This link is incomplete.")
  .max(100, "This link is not one of ours.")
  .regex(/^[A-Za-z0-9_-]+$/, "This link is not one of ours.");

export const ZRequestPasswordResetSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ message: "Enter a valid email address." })),
});

export const ZResetPasswordSchema = z.object({ token: ZToken, password: ZPasswordSchema });

export const ZVerifyEmailSchema = z.object({ token: ZToken });

export const ZChangePasswordSchema = z.object({ currentPassword: z.string().min(1, "Enter your current password.").max(1000), newPassword: ZPasswordSchema });
