export { type CartOwner } from "./cart-owner";
export { getCartItemCount, getCartView, type CartView } from "./cart-view";
export { addToCart, setCartLineQuantity, removeCartLine, applyPromoCode, removePromoCode, MAX_LINE_QUANTITY } from "./change-cart";
export { mergeGuestCart } from "./merge-guest-cart";
