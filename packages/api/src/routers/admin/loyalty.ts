import { clearMemberTierOverride, setMemberTier } from "../../domain/loyalty/member";
import { getLoyaltyOverview, updateTier } from "../../domain/loyalty/views";
import { adminProcedure, router } from "../../trpc";
import { ZClearTierOverrideSchema, ZSetMemberTierSchema, ZTopMembersSchema, ZUpdateTierSchema } from "../../validators/loyalty";

/** Tiers, the points liability and members; a buyer's tier set by hand with a reason. */
export const adminLoyaltyRouter = router({
  overview: adminProcedure.input(ZTopMembersSchema).query(({ ctx, input }) => getLoyaltyOverview(ctx.db, ctx.actor, input)),
  updateTier: adminProcedure.input(ZUpdateTierSchema).mutation(({ ctx, input }) => updateTier(ctx.db, ctx.actor, input)),
  setMemberTier: adminProcedure.input(ZSetMemberTierSchema).mutation(({ ctx, input }) => setMemberTier(ctx.db, ctx.actor, input)),
  clearMemberTierOverride: adminProcedure.input(ZClearTierOverrideSchema).mutation(({ ctx, input }) => clearMemberTierOverride(ctx.db, ctx.actor, input)),
});
