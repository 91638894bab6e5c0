import { sqlOn, type PrismaClient } from "@bazaar/db";
import { bazaarEvent, inngest } from "../../../events/client";
import { addressLines } from "../../../mail/address-lines";
import { paths, urls } from "../../../mail/links";
import { sendEmails, type AnyEmailInput } from "../../../mail/send-email";
import { discountLines, sellerDiscountLabel, type DiscountAmounts } from "../discount-lines";
import { customerEmail, customerOrderUrl } from "../order-access";

/**
 * `order/confirmed` -> the buyer's confirmation (email + in-app), and each seller hears about
 * their part of it (in-app + email). The order is read once (its shipments with their items and
 * sellers), and every message is stored in one statement (sendEmails). No steps: every message is
 * stored once by its dedupe key, so a retried run (one seller's mail server failing) sends only
 * what did not go out, and a run is one call of the function (with Inngest, one request instead of
 * one per step and one to finish).
 */
export const orderConfirmed = inngest.createFunction(
  { id: "order-confirmed-notify", name: "Tell the buyer and sellers about a confirmed order", triggers: [bazaarEvent("order/confirmed")] },
  async ({ event, db }) => {
    const { buyer, sellers } = await confirmedOrderMessages(db, event.data.orderId);
    await sendEmails(db, [buyer, ...sellers]);
    return { sellers: sellers.length };
  },
);

interface LineRead {
  name: string;
  quantity: number;
  subtotalCents: number;
}

/** The order as its messages tell it, read in one statement (a Prisma read with these relations costs ~4x the CPU). */
interface ConfirmedOrder extends DiscountAmounts {
  id: string;
  number: number;
  currency: string;
  buyerId: string | null;
  guestEmail: string | null;
  shippingAddress: unknown;
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  buyer: { id: string; email: string; name: string | null } | null;
  items: (LineRead & { shopName: string })[];
  shipments: (Omit<DiscountAmounts, "tierName" | "pointsRedeemed" | "promoCode"> & {
    id: string;
    sellerUserId: string;
    shopName: string;
    contactEmail: string;
    shippingCents: number;
    taxCents: number;
    totalCents: number;
    items: LineRead[];
  })[];
}

/** The order's messages: the buyer's confirmation, and what each seller (a shipment each, oldest first) is told. */
export async function confirmedOrderMessages(db: PrismaClient, orderId: string): Promise<{ buyer: AnyEmailInput; sellers: AnyEmailInput[] }> {
  const [order] = await sqlOn(db).$queryRaw<ConfirmedOrder[]>`
    SELECT o."id", o."number", o."currency", o."buyerId", o."guestEmail", o."shippingAddress", o."subtotalCents", o."discountCents",
           o."shippingCents", o."taxCents", o."tierDiscountCents", o."shippingDiscountCents", o."pointsRedeemed", o."pointsDiscountCents",
           o."tierName", o."totalCents",
           (SELECT p."code" FROM "PromoCode" p WHERE p."id" = o."promoCodeId") AS "promoCode",
           (SELECT json_build_object('id', u."id", 'email', u."email", 'name', u."name") FROM "User" u WHERE u."id" = o."buyerId") AS "buyer",
           (SELECT coalesce(json_agg(json_build_object('name', i."name", 'quantity', i."quantity", 'subtotalCents', i."subtotalCents",
                                                       'shopName', s."shopName") ORDER BY i."id"), '[]')
              FROM "OrderItem" i JOIN "Seller" s ON s."id" = i."sellerId" WHERE i."orderId" = o."id") AS "items",
           (SELECT coalesce(json_agg(json_build_object(
                     'id', sh."id", 'sellerUserId', s."userId", 'shopName', s."shopName", 'contactEmail', s."contactEmail",
                     'discountCents', sh."discountCents", 'tierDiscountCents', sh."tierDiscountCents",
                     'shippingDiscountCents', sh."shippingDiscountCents", 'pointsDiscountCents', sh."pointsDiscountCents",
                     'sellerFundedCents', sh."sellerFundedCents", 'shippingCents', sh."shippingCents", 'taxCents', sh."taxCents",
                     'totalCents', sh."totalCents",
                     'items', (SELECT coalesce(json_agg(json_build_object('name', i."name", 'quantity', i."quantity", 'subtotalCents', i."subtotalCents")
                                                        ORDER BY i."id"), '[]')
                                 FROM "OrderItem" i WHERE i."shipmentId" = sh."id")
                   ) ORDER BY sh."createdAt", sh."id"), '[]')
              FROM "Shipment" sh JOIN "Seller" s ON s."id" = sh."sellerId" WHERE sh."orderId" = o."id") AS "shipments"
      FROM "Order" o WHERE o."id" = ${orderId}`;
  if (!order) throw new Error(`Order ${orderId} does not exist.`);
  const dedupeKey = `order-confirmation:${order.id}`;
  const shipTo = addressLines(order.shippingAddress);
  const buyer: AnyEmailInput = {
    to: customerEmail(order),
    template: "order-confirmation",
    props: {
      buyerName: order.buyer?.name ?? "there",
      orderNumber: order.number,
      orderUrl: customerOrderUrl(order),
      currency: order.currency,
      lines: order.items.map((item) => ({ name: item.name, quantity: item.quantity, amountCents: item.subtotalCents, shopName: item.shopName })),
      totals: [
        { label: "Subtotal", cents: order.subtotalCents },
        ...discountLines(order).map(({ label, cents }) => ({ label, cents })),
        { label: "Shipping", cents: order.shippingCents },
        ...(order.taxCents ? [{ label: "Tax", cents: order.taxCents }] : []),
        { label: "Total", cents: order.totalCents },
      ],
      shipTo,
    },
    dedupeKey,
    // A guest has no account to notify in; their email carries the order's signed link instead.
    notification: order.buyer
      ? {
          userId: order.buyer.id,
          type: "ORDER_CONFIRMED",
          title: `Order #${order.number} is confirmed`,
          body: `We received your payment. ${order.items.length === 1 ? "Your item" : `Your ${order.items.length} items`} will ship soon.`,
          link: paths.order(order.id),
          dedupeKey,
        }
      : undefined,
  };
  const sellers = order.shipments.map((shipment): AnyEmailInput => {
    const units = shipment.items.reduce((sum, item) => sum + item.quantity, 0);
    const sellerKey = `new-order:${shipment.id}`;
    return {
      to: shipment.contactEmail,
      template: "new-order",
      props: {
        shopName: shipment.shopName,
        orderNumber: order.number,
        shipmentUrl: urls.sellerShipment(shipment.id),
        currency: order.currency,
        lines: shipment.items.map((item) => ({ name: item.name, quantity: item.quantity, amountCents: item.subtotalCents })),
        totals: [
          ...discountLines({ ...shipment, tierName: order.tierName }).map((line) => ({ label: sellerDiscountLabel(line), cents: line.cents })),
          { label: "Shipping", cents: shipment.shippingCents },
          ...(shipment.taxCents ? [{ label: "Tax", cents: shipment.taxCents }] : []),
          { label: "Order total", cents: shipment.totalCents },
        ],
        shipTo,
      },
      dedupeKey: sellerKey,
      notification: {
        userId: shipment.sellerUserId,
        type: "NEW_ORDER",
        title: `New order #${order.number}`,
        body: `${units} ${units === 1 ? "item" : "items"} to pack and ship.`,
        link: paths.sellerShipment(shipment.id),
        dedupeKey: sellerKey,
      },
    };
  });
  return { buyer, sellers };
}
