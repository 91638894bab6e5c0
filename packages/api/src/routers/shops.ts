import { z } from "zod";
import { contactShop } from "../domain/sellers/contact-shop";
import { listShops } from "../domain/sellers/shop-directory";
import { buyerProcedure, publicProcedure, router } from "../trpc";
import { byUser, throttled } from "../throttle/middleware";
import { ZContactShopSchema, ZShopDirectorySchema } from "../validators/seller";

/** The storefront's shop directory and "contact the seller". */
export const shopsRouter = router({
  directory: publicProcedure.input(ZShopDirectorySchema).query(({ ctx, input }) => listShops(ctx.db, input ?? {})),
  contact: buyerProcedure
    .input(ZContactShopSchema)
    // Counted after the input is valid: a form error does not use up a message.
    .use(throttled("shopMessage", byUser, "You sent several messages to shops in the last hour. Try again later."))
    .output(z.object({ sent: z.literal(true), id: z.string(), shopName: z.string() }))
    .mutation(({ ctx, input }) => contactShop(ctx.db, ctx.actor, input)),
});
