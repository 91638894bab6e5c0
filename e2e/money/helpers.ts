import { expect, type Page } from "@playwright/test";
import { ok, trpcMutation, trpcQuery } from "../seller/trpc";
import { reportDelivered } from "../support";

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
