import { expect, type Browser, type Page } from "@playwright/test";
import { payWithSimulator } from "../admin/helpers";
import { ok, trpcMutation, trpcQuery } from "../seller/trpc";
import { newIdentity, reportDelivered } from "../support";

/** Money amounts as the apps print them ($1,234.50). */
export const usd = (cents: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);

/**
 * The seller ships their part of the order (through the seller console's API, with a tracking
 * number of its own) and the carrier reports it delivered (the carrier webhook).
 */
export async function shipAndDeliver(sellerPage: Page, orderNumber: number) {
  const shipments = await ok<{ items: { id: string; order: { number: number } }[] }>(
    trpcQuery(sellerPage.request, "seller", "fulfillment.list", { limit: 50 }),
  );
  const shipment = shipments.items.find((s) => s.order.number === orderNumber);
  expect(shipment, `the seller sees order #${orderNumber}`).toBeTruthy();
  const parcel = { carrier: "UPS", trackingNumber: `1Z${orderNumber}${Date.now().toString(36)}`.toUpperCase() };
  await ok(trpcMutation(sellerPage.request, "seller", "fulfillment.markShipped", { shipmentId: shipment!.id, ...parcel }));
  await reportDelivered(sellerPage.request, parcel);
  return { shipmentId: shipment!.id, ...parcel };
}

export interface OrderLine {
  id: string;
  /** The seller's part it is in. */
  shipmentId: string;
  name: string;
  subtotalCents: number;
  discountCents: number;
  taxCents: number;
}

/** The order's lines as its buyer's page reads them (`orders.get`; a guest passes the link's token). */
export async function orderLines(page: Page, orderId: string, token?: string): Promise<OrderLine[]> {
  const order = await ok<{ shipments: { id: string; items: Omit<OrderLine, "shipmentId">[] }[] }>(
    trpcQuery(page.request, "storefront", "orders.get", { orderId, ...(token ? { token } : {}) }),
  );
  return order.shipments.flatMap((s) => s.items.map((i) => ({ ...i, shipmentId: s.id })));
}

/** What one unit of a single-unit line cost its buyer (price with its share of discount and tax): what a refund of it gives back. */
export const paidFor = (line: OrderLine) => line.subtotalCents - line.discountCents + line.taxCents;

/** A guest (no account, a cart cookie) checks these lines out with an email and pays; `accessToken` is their order link's token. */
export async function guestPaidOrder(
  browser: Browser,
  lines: { productId: string; quantity: number }[],
  options: { viewport?: { width: number; height: number } } = {},
) {
  const page = await (await browser.newContext(options.viewport ? { viewport: options.viewport } : {})).newPage();
  const guest = newIdentity("guest");
  for (const line of lines) await ok(trpcMutation(page.request, "storefront", "cart.add", line));
  const placed = await ok<{ orderId: string; orderNumber: number; paymentIntentId: string; clientSecret: string; accessToken: string }>(
    trpcMutation(page.request, "storefront", "checkout.start", {
      idempotencyKey: `e2e-guest-${guest.suffix}`,
      email: guest.email,
      shippingAddress: { fullName: "Gale Guest", line1: "9 Visitor Road", city: "Portland", postalCode: "97201", country: "US" },
    }),
  );
  expect(placed.accessToken).toBeTruthy();
  await payWithSimulator(page, placed);
  return { page, email: guest.email, ...placed };
}
