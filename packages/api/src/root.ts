import { healthRouter } from "./routers/health";
import { router } from "./trpc";

// One router per area; each lives in routers/<area>/ and stays thin over domain/<area>/.
export const appRouter = router({
  health: healthRouter,
});

export type AppRouter = typeof appRouter;
