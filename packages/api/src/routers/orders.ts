import { OrderStatus } from "@bazaar/db";
import { z } from "zod";
import { getBuyerOrder, listBuyerOrders } from "../domain/orders/buyer-orders";
import { cancelOrder } from "../domain/orders/cancel-order";
import { refundOrder } from "../domain/orders/refund-order";
import { refundItems, sellerRefundLimit } from "../domain/orders/refund-items";
import { adminProcedure, buyerProcedure, publicProcedure, router, sellerProcedure } from "../trpc";
import { ZCancelOrderSchema, ZOrderRefSchema, ZPageSchema, ZRefundItemsSchema, ZRefundOrderSchema } from "../validators/orders";

const ZOrderStatusSchema = z.enum(OrderStatus);
const ZOrderChangeResultSchema = z.object({ orderId: z.string(), status: ZOrderStatusSchema, refundedCents: z.number().int() });

export const ordersRouter = router({
  /** The buyer's orders, newest first. */
  list: buyerProcedure.input(ZPageSchema.optional()).query(({ ctx, input }) => listBuyerOrders(ctx.db, ctx.actor, input ?? {})),
  /** One of the buyer's orders with its timeline, shipments and tracking; a guest's with its signed link's token. */
  get: publicProcedure.input(ZOrderRefSchema).query(({ ctx, input }) => getBuyerOrder(ctx.db, ctx.actor, input)),
  /** Cancels before anything shipped; a paid order is refunded in full. The buyer's, or a guest's with its link. */
  cancel: publicProcedure
    .input(ZCancelOrderSchema)
    .output(ZOrderChangeResultSchema)
    .mutation(({ ctx, input }) => cancelOrder(ctx.db, ctx.actor, input)),
  /** Admin: refunds a paid order, or one seller's part of it, with stock and ledger following. */
  adminRefund: adminProcedure
    .input(ZRefundOrderSchema)
    .output(ZOrderChangeResultSchema)
    .mutation(({ ctx, input }) => refundOrder(ctx.db, ctx.actor, input)),
  /** Admin, or the seller for their own part within the platform's limit: refunds chosen items and/or an amount. */
  refundItems: buyerProcedure.input(ZRefundItemsSchema).mutation(({ ctx, input }) => refundItems(ctx.db, ctx.actor, input)),
  /** Seller: the most they may refund at once on their own. */
  sellerRefundLimit: sellerProcedure.output(z.object({ limitCents: z.number().int() })).query(({ ctx }) => sellerRefundLimit(ctx.db, ctx.actor)),
});
