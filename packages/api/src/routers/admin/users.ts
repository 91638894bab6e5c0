import { Role, UserStatus } from "@bazaar/db";
import { z } from "zod";
import { changeUserRole, reinstateUser, searchUsers, suspendUser } from "../../domain/accounts/manage-users";
import { adminProcedure, router } from "../../trpc";
import { ZChangeRoleSchema, ZSearchUsersSchema, ZSuspendUserSchema, ZUserIdSchema } from "../../validators/accounts";

const ZRoleSchema = z.enum(Role);
const ZUserChangeSchema = z.object({
  id: z.string(),
  role: ZRoleSchema,
  status: z.enum(UserStatus),
});

export const adminUsersRouter = router({
  search: adminProcedure.input(ZSearchUsersSchema.optional()).query(({ ctx, input }) => searchUsers(ctx.db, ctx.actor, input)),
  /** BUYER <-> ADMIN; never leaves the platform without an active administrator. */
  changeRole: adminProcedure
    .input(ZChangeRoleSchema)
    .output(ZUserChangeSchema)
    .mutation(({ ctx, input }) => changeUserRole(ctx.db, ctx.actor, input)),
  suspend: adminProcedure
    .input(ZSuspendUserSchema)
    .output(ZUserChangeSchema)
    .mutation(({ ctx, input }) => suspendUser(ctx.db, ctx.actor, input)),
  reinstate: adminProcedure
    .input(ZUserIdSchema)
    .output(ZUserChangeSchema)
    .mutation(({ ctx, input }) => reinstateUser(ctx.db, ctx.actor, input)),
});
