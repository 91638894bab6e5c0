import { getDashboard } from "../../domain/analytics/dashboard";
import { listAuditLogs } from "../../domain/audit/list-audit-logs";
import { deleteTaxRate, getSettings, setTaxRate, updateSettings } from "../../domain/settings/settings";
import { adminProcedure, router } from "../../trpc";
import { ZDashboardSchema } from "../../validators/analytics";
import { ZListAuditLogsSchema } from "../../validators/audit";
import { ZDeleteTaxRateSchema, ZSetTaxRateSchema, ZUpdateSettingsSchema } from "../../validators/settings";
import { ZPlatformSettingsSchema, ZTaxRateDeletedSchema, ZTaxRateSchema } from "../../validators/settings";

export const adminAnalyticsRouter = router({
  dashboard: adminProcedure.input(ZDashboardSchema).query(({ ctx, input }) => getDashboard(ctx.db, ctx.actor, input)),
});

export const adminAuditRouter = router({
  list: adminProcedure.input(ZListAuditLogsSchema.optional()).query(({ ctx, input }) => listAuditLogs(ctx.db, ctx.actor, input)),
});

export const adminSettingsRouter = router({
  get: adminProcedure.query(({ ctx }) => getSettings(ctx.db, ctx.actor)),
  update: adminProcedure
    .input(ZUpdateSettingsSchema)
    .output(ZPlatformSettingsSchema)
    .mutation(({ ctx, input }) => updateSettings(ctx.db, ctx.actor, input)),
  setTaxRate: adminProcedure
    .input(ZSetTaxRateSchema)
    .output(ZTaxRateSchema)
    .mutation(({ ctx, input }) => setTaxRate(ctx.db, ctx.actor, input)),
  deleteTaxRate: adminProcedure
    .input(ZDeleteTaxRateSchema)
    .output(ZTaxRateDeletedSchema)
    .mutation(({ ctx, input }) => deleteTaxRate(ctx.db, ctx.actor, input)),
});
