import type { InngestFunction } from "inngest";
import { cartAbandonment } from "../domain/cart/functions/cart-abandonment";
import { shipmentStatusUpdate } from "../domain/fulfillment/functions/shipment-status-update";
import { reservationExpiry } from "../domain/inventory/functions/reservation-expiry";
import { stockLowAlert } from "../domain/inventory/functions/stock-low-alert";
import { payoutTransfer } from "../domain/ledger/functions/payout-transfer";
import { releaseHeldFunds } from "../domain/ledger/functions/release-held-funds";
import { splitCapturedPayment } from "../domain/ledger/functions/split-captured-payment";
import { orderConfirmed } from "../domain/orders/functions/order-confirmed";
import { orderCancelled } from "../domain/orders/functions/order-cancelled";
import { refundIssued } from "../domain/orders/functions/refund-issued";
import { returnUpdated } from "../domain/returns/functions/return-updated";
import { disputeNotice } from "../domain/payments/functions/dispute-notice";
import { sellerDecision } from "../domain/sellers/functions/seller-decision";
import { payoutReversed } from "../domain/ledger/functions/payout-reversed";
import { balanceNegative } from "../domain/ledger/functions/balance-negative";
import { storefrontRevalidation } from "../domain/catalog/functions/revalidate-storefront";
import { backInStockEmail } from "../domain/wishlist/functions/back-in-stock";
import { shopMessageEmail } from "../domain/sellers/functions/shop-message";
import { systemAlerts } from "../observability/alerts/function";
import { tierChanged } from "../domain/loyalty/functions/tier-changed";
import { loyaltyNightly, releaseEarnedPoints } from "../domain/loyalty/functions/loyalty-sweeps";

/**
 * Every Inngest function Bazaar has, one definition per file beside the domain it serves. Served
 * at /api/inngest when Inngest is configured and run by the in-process relay when it is not.
 */
export const functions: readonly InngestFunction.Any[] = [
  stockLowAlert,
  cartAbandonment,
  splitCapturedPayment,
  orderConfirmed,
  reservationExpiry,
  shipmentStatusUpdate,
  payoutTransfer,
  releaseHeldFunds,
  payoutReversed,
  balanceNegative,
  orderCancelled,
  refundIssued,
  returnUpdated,
  disputeNotice,
  sellerDecision,
  storefrontRevalidation,
  systemAlerts,
  backInStockEmail,
  shopMessageEmail,
  tierChanged,
  releaseEarnedPoints,
  loyaltyNightly,
];
