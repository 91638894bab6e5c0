import { getSellerShipment, listSellerShipments, markShipmentProcessing, markShipmentShipped } from "../domain/fulfillment/shipments";
import { router, sellerProcedure } from "../trpc";
import { ZListShipmentsSchema, ZMarkShippedSchema, ZShipmentIdSchema } from "../validators/fulfillment";
import { ZSellerShipmentSchema } from "../validators/fulfillment";

export const fulfillmentRouter = router({
  /** The seller's shipments of paid orders, newest first. */
  list: sellerProcedure.input(ZListShipmentsSchema.optional()).query(({ ctx, input }) => listSellerShipments(ctx.db, ctx.actor, input ?? {})),
  get: sellerProcedure.input(ZShipmentIdSchema).query(({ ctx, input }) => getSellerShipment(ctx.db, ctx.actor, input)),
  markProcessing: sellerProcedure
    .input(ZShipmentIdSchema)
    .output(ZSellerShipmentSchema)
    .mutation(({ ctx, input }) => markShipmentProcessing(ctx.db, ctx.actor, input)),
  markShipped: sellerProcedure
    .input(ZMarkShippedSchema)
    .output(ZSellerShipmentSchema)
    .mutation(({ ctx, input }) => markShipmentShipped(ctx.db, ctx.actor, input)),
});
