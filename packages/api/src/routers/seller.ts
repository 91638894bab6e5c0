import { z } from "zod";
import { changeProductsStatus } from "../domain/catalog/bulk-status";
import { connectStripeClient, createConnectOnboardingLink } from "../domain/ledger/connect";
import { getSellerDashboard } from "../domain/analytics/seller-dashboard";
import { exportLedgerCsv, listSellerSales } from "../domain/ledger/seller-money";
import { setLoyaltyCofund } from "../domain/loyalty/views";
import { ZLoyaltyCofundSchema } from "../validators/loyalty";
import { getOnboardingStatus } from "../domain/sellers/onboarding";
import { getPackingSlip } from "../domain/fulfillment/packing-slip";
import { listSellerProducts } from "../domain/catalog/list-seller-products";
import { exportProductsCsv, importProductsCsv } from "../domain/catalog/products-csv";
import { listStockAlerts } from "../domain/inventory/stock-alerts";
import { getEnv } from "../env";
import { router, sellerAccountProcedure, sellerProcedure } from "../trpc";
import { getShopProfile, updateShopProfile } from "../domain/sellers/shop-profile";
import { ZPageSchema } from "../validators/orders";
import {
  ZBulkProductStatusSchema,
  ZConnectLinkSchema,
  ZImportProductsSchema,
  ZLedgerCsvSchema,
  ZPackingSlipSchema,
  ZProductCsvExportSchema,
  ZProductTableSchema,
  ZSellerDashboardSchema,
  ZSellerSalesSchema,
} from "../validators/seller";
import { ZBulkStatusResultSchema, ZShopProfileInputSchema, ZShopProfileSchema } from "../validators/seller";

const ZFigureSchema = z.object({ salesCents: z.number().int(), orders: z.number().int() });

const ZRowErrorSchema = z.object({ field: z.string().nullable(), message: z.string() });

const ZImportReportSchema = z.object({
  dryRun: z.boolean(),
  rows: z.array(
    z.object({
      line: z.number().int(),
      sku: z.string(),
      outcome: z.enum(["created", "updated", "will-create", "will-update", "error"]),
      errors: z.array(ZRowErrorSchema),
    }),
  ),
  created: z.number().int(),
  updated: z.number().int(),
  failed: z.number().int(),
  fileErrors: z.array(z.string()),
});

/** The seller console's own views over the seller's data; the catalog, stock, orders and ledger procedures do the rest. */
export const sellerRouter = router({
  /** Where the shop stands between applying and selling; open to pending shops too (their status page). */
  onboarding: sellerAccountProcedure.query(({ ctx }) => getOnboardingStatus(ctx.db, ctx.actor, { stripeConfigured: Boolean(getEnv().STRIPE_SECRET_KEY) })),
  /** A Stripe-hosted onboarding link for payouts (only where STRIPE_SECRET_KEY is set). */
  connectLink: sellerProcedure
    .input(ZConnectLinkSchema)
    .output(z.object({ url: z.string(), accountId: z.string(), expiresAt: z.date() }))
    .mutation(({ ctx, input }) => {
      const env = getEnv();
      const back = new URL(input.returnPath, env.SELLER_CONSOLE_URL).href;
      return createConnectOnboardingLink(ctx.db, ctx.actor, { returnUrl: back, refreshUrl: back }, connectStripeClient(env.STRIPE_SECRET_KEY));
    }),
  dashboard: sellerProcedure
    .input(ZSellerDashboardSchema)
    .output(
      z.object({
        currency: z.string(),
        currencies: z.array(z.string()),
        timeZone: z.string(),
        today: ZFigureSchema,
        last30Days: ZFigureSchema,
        series: z.array(ZFigureSchema.extend({ day: z.string() })),
        ordersToShip: z.number().int(),
        lowStockItems: z.number().int(),
        balance: z.object({ availableCents: z.number().int(), pendingCents: z.number().int(), paidOutCents: z.number().int() }),
      }),
    )
    .query(({ ctx, input }) => getSellerDashboard(ctx.db, ctx.actor, input ?? {})),
  /** The products table: search over name and SKU, status filter, pages. */
  products: sellerProcedure.input(ZProductTableSchema).query(({ ctx, input }) => listSellerProducts(ctx.db, ctx.actor, input ?? {})),
  /** Each sale with the commission Bazaar kept and what reached the balance. */
  /** Opt in to co-fund a share of buyers' tier benefits on this shop's items (0: Bazaar pays them all). */
  loyaltyCofund: sellerProcedure.input(ZLoyaltyCofundSchema).mutation(({ ctx, input }) => setLoyaltyCofund(ctx.db, ctx.actor, input)),
  sales: sellerProcedure.input(ZSellerSalesSchema).query(({ ctx, input }) => listSellerSales(ctx.db, ctx.actor, input ?? {})),
  packingSlip: sellerProcedure.input(ZPackingSlipSchema).query(({ ctx, input }) => getPackingSlip(ctx.db, ctx.actor, input)),
  /** Publish, unpublish, archive or restore several products; each is reported on its own. */
  bulkProductStatus: sellerProcedure
    .input(ZBulkProductStatusSchema)
    .output(ZBulkStatusResultSchema)
    .mutation(({ ctx, input }) => changeProductsStatus(ctx.db, ctx.actor, input)),
  /** Creates and updates products from CSV; `dryRun` checks every row and changes nothing. */
  importProducts: sellerProcedure
    .input(ZImportProductsSchema)
    .output(ZImportReportSchema)
    .mutation(({ ctx, input }) => importProductsCsv(ctx.db, ctx.actor, input)),
  exportProducts: sellerProcedure
    .input(ZProductCsvExportSchema)
    .output(z.string())
    .query(({ ctx, input }) => exportProductsCsv(ctx.db, ctx.actor, input ?? {})),
  exportLedger: sellerProcedure
    .input(ZLedgerCsvSchema)
    .output(z.string())
    .query(({ ctx, input }) => exportLedgerCsv(ctx.db, ctx.actor, input ?? {})),
  /** The low-stock alerts inbox. */
  /** The shop's public profile and policies (seller console, Shop page). */
  profile: sellerProcedure.output(ZShopProfileSchema).query(({ ctx }) => getShopProfile(ctx.db, ctx.actor)),
  updateProfile: sellerProcedure
    .input(ZShopProfileInputSchema)
    .output(ZShopProfileSchema)
    .mutation(({ ctx, input }) => updateShopProfile(ctx.db, ctx.actor, input)),
  stockAlerts: sellerProcedure
    .input(ZPageSchema.extend({ unreadOnly: z.boolean().optional() }).optional())
    .query(({ ctx, input }) => listStockAlerts(ctx.db, ctx.actor, input ?? {})),
});
