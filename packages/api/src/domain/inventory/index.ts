export { SOFT_HOLD_MS, HARD_HOLD_MS, availabilityOf, type Availability } from "./constants";
export { sellOrderStock, releaseOrderStock, restockOrder, releaseExpiredCartHolds, hardenCartHolds, restoreCartHolds } from "./order-holds";
export { setCartItemHold, releaseCartHolds, extendCartHolds, heldForCartItem, outOfStockError } from "./cart-holds";
