import { Role, SellerStatus, UserStatus } from "@bazaar/db";
import { z } from "zod";
import { getAccount } from "../domain/accounts/get-account";
import { registerBuyer } from "../domain/accounts/register-buyer";
import { registerSeller } from "../domain/accounts/register-seller";
import { ZRegisterBuyerSchema, ZRegisterSellerSchema } from "../validators/accounts";
import { byAddress, throttled } from "../throttle/middleware";
import { publicProcedure, router } from "../trpc";

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
    .mutation(({ ctx, input }) => registerBuyer(ctx.db, input)),
  /** Creates a seller account with its shop, pending approval. */
  signUpSeller: publicProcedure
    .use(signUpLimit)
    .input(ZRegisterSellerSchema)
    .output(ZSignedUpSchema)
    .mutation(({ ctx, input }) => registerSeller(ctx.db, input)),
  /** Who is signed in, with the shop's approval state: the consoles' gates read it. */
  me: publicProcedure.output(ZMeSchema).query(({ ctx }) => getAccount(ctx.db, ctx.actor)),
});
