import {
  getDashboard,
  ZDashboardSchema,
} from "../../domain/analytics/dashboard";
import {
  listAuditLogs,
  ZListAuditLogsSchema,
} from "../../domain/audit/list-audit-logs";
import {
  deleteTaxRate,
  getSettings,
  setTaxRate,
  updateSettings,
  ZDeleteTaxRateSchema,
  ZSetTaxRateSchema,
  ZUpdateSettingsSchema,
} from "../../domain/settings/settings";
import { adminProcedure, router } from "../../trpc";

export const adminAnalyticsRouter = router({
  dashboard: adminProcedure
    .input(ZDashboardSchema)
    .query(({ ctx, input }) => getDashboard(ctx.db, ctx.actor, input)),
});

export const adminAuditRouter = router({
  list: adminProcedure
    .input(ZListAuditLogsSchema.optional())
    .query(({ ctx, input }) => listAuditLogs(ctx.db, ctx.actor, input)),
});

export const adminSettingsRouter = router({
  get: adminProcedure.query(({ ctx }) => getSettings(ctx.db, ctx.actor)),
  update: adminProcedure
    .input(ZUpdateSettingsSchema)
    .mutation(({ ctx, input }) => updateSettings(ctx.db, ctx.actor, input)),
  setTaxRate: adminProcedure
    .input(ZSetTaxRateSchema)
    .mutation(({ ctx, input }) => setTaxRate(ctx.db, ctx.actor, input)),
  deleteTaxRate: adminProcedure
    .input(ZDeleteTaxRateSchema)
    .mutation(({ ctx, input }) => deleteTaxRate(ctx.db, ctx.actor, input)),
});
