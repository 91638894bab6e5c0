export { listWishlist, mergeGuestWishlist, removeFromWishlist, saveToWishlist, WISHLIST_LIMIT, wishlistProductIds, type WishlistItemView } from "./wishlist";
