import { z } from "zod";
import { countUsers } from "../../domain/accounts/count-users";
import { adminProcedure, router } from "../../trpc";
import { adminCatalogRouter, adminCategoriesRouter } from "./catalog";
import { adminMoneyRouter, adminOrdersRouter, adminPromotionsRouter } from "./commerce";
import { adminAnalyticsRouter, adminAuditRouter, adminSettingsRouter } from "./platform";
import { adminSellersRouter } from "./sellers";
import { adminUsersRouter } from "./users";
import { adminLoyaltyRouter } from "./loyalty";
import { getSystemHealth } from "../../observability/alerts/system-health";

// Every procedure here is an adminProcedure (admin.access.integration.test.ts checks each one).
const ZUserCountsSchema = z.object({
  byRole: z.object({
    BUYER: z.number(),
    SELLER: z.number(),
    ADMIN: z.number(),
  }),
  suspended: z.number(),
  pendingSellers: z.number(),
  total: z.number(),
});

export const adminRouter = router({
  userCounts: adminProcedure.output(ZUserCountsSchema).query(({ ctx }) => countUsers(ctx.db)),
  analytics: adminAnalyticsRouter,
  /** The System health page: the last hour per minute, the alert rules, open and past alerts. */
  systemHealth: adminProcedure.query(({ ctx }) => getSystemHealth(ctx.db, ctx.actor)),
  sellers: adminSellersRouter,
  users: adminUsersRouter,
  catalog: adminCatalogRouter,
  categories: adminCategoriesRouter,
  orders: adminOrdersRouter,
  money: adminMoneyRouter,
  promotions: adminPromotionsRouter,
  audit: adminAuditRouter,
  settings: adminSettingsRouter,
  loyalty: adminLoyaltyRouter,
});
