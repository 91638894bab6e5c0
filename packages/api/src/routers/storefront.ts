import { z } from "zod";
import { getLiveAvailability } from "../domain/catalog/availability";
import { getHomePage } from "../domain/catalog/home";
import { suggest } from "../domain/catalog/suggest";
import { searchLimit } from "../throttle/middleware";
import { publicProcedure, router } from "../trpc";

export const ZSuggestSchema = z.object({ q: z.string().max(200, "Search for at most 200 characters.") });
export const ZAvailabilitySchema = z.object({ slug: z.string().trim().min(1).max(200) });

/** Read models only the storefront's pages need (home shelves, search-as-you-type, live stock). */
export const storefrontRouter = router({
  home: publicProcedure.query(({ ctx }) => getHomePage(ctx.db)),
  /** A product's stock right now (product pages are cached; this part is not). */
  availability: publicProcedure.input(ZAvailabilitySchema).query(({ ctx, input }) => getLiveAvailability(ctx.db, input.slug)),
  suggest: publicProcedure
    .use(searchLimit)
    .input(ZSuggestSchema)
    .query(({ ctx, input }) => suggest(ctx.db, input.q)),
});
