import { z } from "zod";
import { countUsers } from "../domain/accounts/count-users";
import { adminProcedure, router } from "../trpc";

const ZUserCountsSchema = z.object({
  byRole: z.object({ BUYER: z.number(), SELLER: z.number(), ADMIN: z.number() }),
  suspended: z.number(),
  pendingSellers: z.number(),
  total: z.number(),
});

export const adminRouter = router({
  userCounts: adminProcedure.output(ZUserCountsSchema).query(({ ctx }) => countUsers(ctx.db)),
});
