export { checkout, undoPlacedOrder, type CheckoutResult, type CheckoutOptions } from "./checkout";
export { listAddresses, createAddress, updateAddress, deleteAddress, MAX_ADDRESSES } from "./addresses";
