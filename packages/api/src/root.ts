import { accountRouter } from "./routers/account";
import { addressRouter } from "./routers/address";
import { adminRouter } from "./routers/admin";
import { cartRouter } from "./routers/cart";
import { catalogRouter } from "./routers/catalog";
import { checkoutRouter } from "./routers/checkout";
import { healthRouter } from "./routers/health";
import { inventoryRouter } from "./routers/inventory";
import { mediaRouter } from "./routers/media";
import { fulfillmentRouter } from "./routers/fulfillment";
import { ledgerRouter } from "./routers/ledger";
import { mailRouter } from "./routers/mail";
import { notificationsRouter } from "./routers/notifications";
import { ordersRouter } from "./routers/orders";
import { paymentsRouter } from "./routers/payments";
import { returnsRouter } from "./routers/returns";
import { reviewsRouter } from "./routers/reviews";
import { sellerRouter } from "./routers/seller";
import { storefrontRouter } from "./routers/storefront";
import { shopsRouter } from "./routers/shops";
import { wishlistRouter } from "./routers/wishlist";
import { loyaltyRouter } from "./routers/loyalty";
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
  inventory: inventoryRouter,
  media: mediaRouter,
  orders: ordersRouter,
  payments: paymentsRouter,
  fulfillment: fulfillmentRouter,
  ledger: ledgerRouter,
  reviews: reviewsRouter,
  returns: returnsRouter,
  seller: sellerRouter,
  storefront: storefrontRouter,
  notifications: notificationsRouter,
  mail: mailRouter,
  wishlist: wishlistRouter,
  shops: shopsRouter,
  loyalty: loyaltyRouter,
});

export type AppRouter = typeof appRouter;

/**
 * What each app's /api/trpc serves: only the areas its pages call, so an administrator signed in
 * on the storefront cannot reach admin.* there (the full router stays for server-side callers,
 * types and tests).
 */
export const appRouters = {
  storefront: router({
    health: healthRouter,
    account: accountRouter,
    catalog: catalogRouter,
    cart: cartRouter,
    checkout: checkoutRouter,
    address: addressRouter,
    orders: ordersRouter,
    payments: paymentsRouter,
    reviews: reviewsRouter,
    wishlist: wishlistRouter,
    shops: shopsRouter,
    returns: returnsRouter,
    storefront: storefrontRouter,
    loyalty: loyaltyRouter,
  }),
  "seller-console": router({
    health: healthRouter,
    account: accountRouter,
    catalog: catalogRouter,
    inventory: inventoryRouter,
    media: mediaRouter,
    fulfillment: fulfillmentRouter,
    ledger: ledgerRouter,
    seller: sellerRouter,
    notifications: notificationsRouter,
    orders: ordersRouter,
    returns: returnsRouter,
  }),
  "admin-console": router({
    health: healthRouter,
    account: accountRouter,
    admin: adminRouter,
    catalog: catalogRouter,
    orders: ordersRouter,
    returns: returnsRouter,
    ledger: ledgerRouter,
    mail: mailRouter,
  }),
};
