import { accountRouter } from "./routers/account";
import { addressRouter } from "./routers/address";
import { adminRouter } from "./routers/admin";
import { cartRouter } from "./routers/cart";
import { catalogRouter } from "./routers/catalog";
import { checkoutRouter } from "./routers/checkout";
import { healthRouter } from "./routers/health";
import { mediaRouter } from "./routers/media";
import { fulfillmentRouter } from "./routers/fulfillment";
import { ledgerRouter } from "./routers/ledger";
import { ordersRouter } from "./routers/orders";
import { paymentsRouter } from "./routers/payments";
import { reviewsRouter } from "./routers/reviews";
import { router } from "./trpc";

// One router per area; each lives in routers/<area>/ and stays thin over domain/<area>/.
export const appRouter = router({
  health: healthRouter,
  account: accountRouter,
  admin: adminRouter,
  catalog: catalogRouter,
  cart: cartRouter,
  checkout: checkoutRouter,
  address: addressRouter,
  media: mediaRouter,
  orders: ordersRouter,
  payments: paymentsRouter,
  fulfillment: fulfillmentRouter,
  ledger: ledgerRouter,
  reviews: reviewsRouter,
});

export type AppRouter = typeof appRouter;
