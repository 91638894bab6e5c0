import { Role, SellerStatus, UserStatus } from "@bazaar/db";
import { z } from "zod";
import { getAccount } from "../domain/accounts/get-account";
import { registerBuyer } from "../domain/accounts/register-buyer";
import { registerSeller } from "../domain/accounts/register-seller";
import { ZRegisterBuyerSchema, ZRegisterSellerSchema } from "../validators/accounts";
import { byAddress, throttled } from "../throttle/middleware";
import { changePassword, requestPasswordReset, resendVerificationEmail, resetPassword, sendVerificationEmail, verifyEmail } from "../domain/accounts/recovery";
import { buyerProcedure, publicProcedure, router } from "../trpc";
import { ZChangePasswordSchema, ZRequestPasswordResetSchema, ZResetPasswordSchema, ZVerifyEmailSchema } from "../validators/accounts";

const signUpLimit = throttled("signUpIp", byAddress, "Too many accounts were created from your network.");

const ZRoleSchema = z.enum(Role);

const ZSignedUpSchema = z.object({ id: z.string(), email: z.string(), name: z.string().nullable(), role: ZRoleSchema });

const ZMeSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: ZRoleSchema,
    status: z.enum(UserStatus),
    emailVerified: z.boolean(),
    seller: z
      .object({
        id: z.string(),
        shopName: z.string(),
        slug: z.string(),
        status: z.enum(SellerStatus),
        statusReason: z.string().nullable(),
      })
      .nullable(),
  })
  .nullable();

export const accountRouter = router({
  /** Creates a buyer account (the storefront then signs the buyer in). */
  signUpBuyer: publicProcedure
    .use(signUpLimit)
    .input(ZRegisterBuyerSchema)
    .output(ZSignedUpSchema)
    .mutation(async ({ ctx, input }) => {
      const user = await registerBuyer(ctx.db, input);
      // Buyers may shop before confirming; the link arrives meanwhile.
      await sendVerificationEmail(ctx.db, user.id);
      return user;
    }),
  /** Creates a seller account with its shop, pending approval. */
  signUpSeller: publicProcedure
    .use(signUpLimit)
    .input(ZRegisterSellerSchema)
    .output(ZSignedUpSchema)
    .mutation(async ({ ctx, input }) => {
      const user = await registerSeller(ctx.db, input);
      // A shop is approved only once this link was followed.
      await sendVerificationEmail(ctx.db, user.id);
      return user;
    }),
  /** Emails a reset link if the address has an account; answers the same either way. */
  requestPasswordReset: publicProcedure
    .input(ZRequestPasswordResetSchema)
    .output(z.object({ sent: z.literal(true) }))
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, input)),
  /** Sets a new password from a reset link (single-use, 1 hour); signs out every session. */
  resetPassword: publicProcedure
    .input(ZResetPasswordSchema)
    .output(z.object({ email: z.string() }))
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input)),
  /** Confirms the email address from the link of the verify-email mail. */
  verifyEmail: publicProcedure
    .input(ZVerifyEmailSchema)
    .output(z.object({ email: z.string() }))
    .mutation(({ ctx, input }) => verifyEmail(ctx.db, input)),
  /** Sends the signed-in user a new confirmation link. */
  resendVerification: buyerProcedure.output(z.object({ sent: z.boolean() })).mutation(({ ctx }) => resendVerificationEmail(ctx.db, ctx.actor)),
  /** Changes the signed-in user's password; their other sessions are signed out. */
  changePassword: buyerProcedure
    .input(ZChangePasswordSchema)
    .output(z.object({ sessionVersion: z.number() }))
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.actor, input)),
  /** Who is signed in, with the shop's approval state: the consoles' gates read it. */
  me: publicProcedure.output(ZMeSchema).query(({ ctx }) => getAccount(ctx.db, ctx.actor)),
});
