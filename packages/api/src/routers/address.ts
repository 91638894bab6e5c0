import { z } from "zod";
import { createAddress, deleteAddress, listAddresses, updateAddress } from "../domain/checkout/addresses";
import { buyerProcedure, router } from "../trpc";
import { ZId } from "../validators/cart";
import { ZCreateAddressSchema, ZUpdateAddressSchema } from "../validators/address";
import { ZAddressDeletedSchema, ZSavedAddressSchema } from "../validators/address";

/** The signed-in user's saved shipping addresses. */
export const addressRouter = router({
  list: buyerProcedure.query(({ ctx }) => listAddresses(ctx.db, ctx.actor.userId)),
  create: buyerProcedure
    .input(ZCreateAddressSchema)
    .output(ZSavedAddressSchema)
    .mutation(({ ctx, input }) => createAddress(ctx.db, ctx.actor.userId, input)),
  update: buyerProcedure
    .input(ZUpdateAddressSchema)
    .output(ZSavedAddressSchema)
    .mutation(({ ctx, input }) => updateAddress(ctx.db, ctx.actor.userId, input)),
  delete: buyerProcedure
    .input(z.object({ id: ZId }))
    .output(ZAddressDeletedSchema)
    .mutation(({ ctx, input }) => deleteAddress(ctx.db, ctx.actor.userId, input.id)),
});
