import type { PrismaClient } from "@bazaar/db";
import { bazaarEvent, inngest } from "../../../events/client";
import { paths, urls } from "../../../mail/links";
import { sendEmail } from "../../../mail/send-email";
import { variantDisplayName } from "../../../validators/variants";
import { notify } from "../../notifications";

/**
 * `stock/low` -> the seller hears about it in the console and by email. Debounced per stock row:
 * a burst of sales (or edits) crossing the threshold again and again makes one alert, sent two
 * minutes after the last one (ten at most after the first), with the stock as it is then.
 */
export const stockLowAlert = inngest.createFunction(
  {
    id: "stock-low-alert",
    name: "Low stock: alert the seller",
    triggers: [bazaarEvent("stock/low")],
    debounce: { key: "event.data.stockLevelId", period: "2m", timeout: "10m" },
  },
  async ({ event, step, db }) => {
    const alertKey = `low-stock:${event.data.stockLevelId}:${event.id ?? event.ts}`;
    const stock = await step.run("load-stock", () => loadLowStock(db, event.data.stockLevelId));
    if (!stock) return { alerted: false, reason: "the stock row is gone" };
    if (stock.available >= stock.threshold) return { alerted: false, reason: "restocked since" };

    await step.run("notify-seller", () =>
      notify(db, {
        userId: stock.sellerUserId,
        type: "LOW_STOCK",
        title: `Low stock: ${stock.productName}`,
        body: `${stock.available} left in ${stock.warehouseName} (alert level ${stock.threshold}).`,
        link: paths.sellerInventory(stock.productId),
        dedupeKey: alertKey,
      }),
    );
    await step.run("email-seller", () =>
      sendEmail(db, {
        to: stock.contactEmail,
        template: "low-stock",
        props: {
          shopName: stock.shopName,
          productName: stock.productName,
          sku: stock.sku,
          warehouseName: stock.warehouseName,
          available: stock.available,
          threshold: stock.threshold,
          stockUrl: urls.sellerInventory(stock.productId),
        },
        dedupeKey: alertKey,
      }),
    );
    return { alerted: true, available: stock.available };
  },
);

async function loadLowStock(db: PrismaClient, stockLevelId: string) {
  const row = await db.stockLevel.findUnique({
    where: { id: stockLevelId },
    include: {
      warehouse: { select: { name: true } },
      product: { select: { id: true, name: true, seller: { select: { shopName: true, contactEmail: true, userId: true } } } },
      variant: { select: { sku: true, title: true } },
    },
  });
  if (!row) return null;
  return {
    productId: row.product.id,
    productName: variantDisplayName(row.product.name, row.variant.title),
    sku: row.variant.sku,
    warehouseName: row.warehouse.name,
    available: row.onHand - row.reserved - row.allocated,
    threshold: row.lowStockThreshold,
    shopName: row.product.seller.shopName,
    contactEmail: row.product.seller.contactEmail,
    sellerUserId: row.product.seller.userId,
  };
}
