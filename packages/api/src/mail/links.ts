import { getEnv } from "../env";

// Where emails and notifications send people. In-app notifications use the path (the console
// they are shown in is the one it belongs to); emails use the absolute URL.
export const paths = {
  order: (orderId: string) => `/orders/${orderId}`,
  cart: () => "/cart",
  sellerShipment: (shipmentId: string) => `/orders/${shipmentId}`,
  sellerInventory: (productId: string) => `/products/${productId}`,
  sellerPayouts: () => "/payouts",
  sellerMoney: () => "/money",
  sellerReturns: () => "/returns",
  adminOrder: (orderId: string) => `/orders/${orderId}`,
  adminDisputes: () => "/money/disputes",
};

export const urls = {
  order: (orderId: string) => new URL(paths.order(orderId), getEnv().STOREFRONT_URL).href,
  cart: () => new URL(paths.cart(), getEnv().STOREFRONT_URL).href,
  sellerShipment: (shipmentId: string) => new URL(paths.sellerShipment(shipmentId), getEnv().SELLER_CONSOLE_URL).href,
  sellerInventory: (productId: string) => new URL(paths.sellerInventory(productId), getEnv().SELLER_CONSOLE_URL).href,
  sellerPayouts: () => new URL(paths.sellerPayouts(), getEnv().SELLER_CONSOLE_URL).href,
  sellerMoney: () => new URL(paths.sellerMoney(), getEnv().SELLER_CONSOLE_URL).href,
  sellerReturns: () => new URL(paths.sellerReturns(), getEnv().SELLER_CONSOLE_URL).href,
  seller: () => new URL("/", getEnv().SELLER_CONSOLE_URL).href,
  adminDisputes: () => new URL(paths.adminDisputes(), getEnv().ADMIN_CONSOLE_URL).href,
};
