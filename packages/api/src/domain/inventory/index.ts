export { checkSale, sellOrderHoldsSql, type SaleCheck } from "./stock-rows";
export { SOFT_RESERVATION_MS, HARD_RESERVATION_MS, availabilityOf, type Availability } from "./constants";
export {
  sellOrderStock,
  releaseOrderStock,
  restockOrder,
  restockOrderItemUnits,
  releaseExpiredCartReservations,
  hardenCartReservations,
  restoreCartReservations,
} from "./order-reservations";
export { setCartItemReservation, releaseCartReservations, extendCartReservations, heldForCartItem, outOfStockError } from "./cart-reservations";
