import { createSellerWarehouse, listSellerStock, listWarehouses, setLowStockThreshold, setStockOnHand } from "../domain/inventory/seller-stock";
import { router, sellerProcedure } from "../trpc";
import { ZCreateWarehouseSchema, ZListStockSchema, ZSetLowStockThresholdSchema, ZSetOnHandSchema } from "../validators/inventory";
import { ZSellerStockRowSchema, ZWarehouseSchema } from "../validators/inventory";

/** The signed-in seller's stock: rows per product and warehouse, counts and alerts. */
export const inventoryRouter = router({
  list: sellerProcedure.input(ZListStockSchema).query(({ ctx, input }) => listSellerStock(ctx.db, ctx.actor, input)),
  /** Compare-and-set on the row's version: a stale form gets CONFLICT and must reload. */
  setOnHand: sellerProcedure
    .input(ZSetOnHandSchema)
    .output(ZSellerStockRowSchema)
    .mutation(({ ctx, input }) => setStockOnHand(ctx.db, ctx.actor, input)),
  setThreshold: sellerProcedure
    .input(ZSetLowStockThresholdSchema)
    .output(ZSellerStockRowSchema)
    .mutation(({ ctx, input }) => setLowStockThreshold(ctx.db, ctx.actor, input)),
  warehouses: sellerProcedure.query(({ ctx }) => listWarehouses(ctx.db, ctx.actor)),
  createWarehouse: sellerProcedure
    .input(ZCreateWarehouseSchema)
    .output(ZWarehouseSchema)
    .mutation(({ ctx, input }) => createSellerWarehouse(ctx.db, ctx.actor, input)),
});
