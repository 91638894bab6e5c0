import { getEnv } from "../env";

// Where emails and notifications send people. In-app notifications use the path (the console
// they are shown in is the one it belongs to); emails use the absolute URL.
export const paths = {
  order: (orderId: string) => `/orders/${orderId}`,
  cart: () => "/cart",
  /** The product page, with a variant chosen by its option values (the storefront's URL form: ?Size=M&Colour=Blue). */
  product: (slug: string, choice: Record<string, string> = {}) => {
    const query = new URLSearchParams(choice).toString();
    return `/products/${slug}${query ? `?${query}` : ""}`;
  },
  wishlist: () => "/account/wishlist",
  loyalty: () => "/account/rewards",
  sellerShipment: (shipmentId: string) => `/orders/${shipmentId}`,
  sellerInventory: (productId: string) => `/products/${productId}`,
  sellerPayouts: () => "/payouts",
  sellerNotifications: () => "/notifications",
  sellerMoney: () => "/money",
  sellerReturns: () => "/returns",
  adminOrder: (orderId: string) => `/orders/${orderId}`,
  adminDisputes: () => "/money/disputes",
};

export const urls = {
  order: (orderId: string) => new URL(paths.order(orderId), getEnv().STOREFRONT_URL).href,
  /** A guest's order, opened by its signed link (no account needed). */
  guestOrder: (orderId: string, token: string) => new URL(`${paths.order(orderId)}?token=${encodeURIComponent(token)}`, getEnv().STOREFRONT_URL).href,
  cart: () => new URL(paths.cart(), getEnv().STOREFRONT_URL).href,
  product: (slug: string, choice?: Record<string, string>) => new URL(paths.product(slug, choice), getEnv().STOREFRONT_URL).href,
  wishlist: () => new URL(paths.wishlist(), getEnv().STOREFRONT_URL).href,
  loyalty: () => new URL(paths.loyalty(), getEnv().STOREFRONT_URL).href,
  sellerShipment: (shipmentId: string) => new URL(paths.sellerShipment(shipmentId), getEnv().SELLER_CONSOLE_URL).href,
  sellerInventory: (productId: string) => new URL(paths.sellerInventory(productId), getEnv().SELLER_CONSOLE_URL).href,
  sellerPayouts: () => new URL(paths.sellerPayouts(), getEnv().SELLER_CONSOLE_URL).href,
  sellerNotifications: () => new URL(paths.sellerNotifications(), getEnv().SELLER_CONSOLE_URL).href,
  sellerMoney: () => new URL(paths.sellerMoney(), getEnv().SELLER_CONSOLE_URL).href,
  sellerReturns: () => new URL(paths.sellerReturns(), getEnv().SELLER_CONSOLE_URL).href,
  seller: () => new URL("/", getEnv().SELLER_CONSOLE_URL).href,
  adminDisputes: () => new URL(paths.adminDisputes(), getEnv().ADMIN_CONSOLE_URL).href,
};
