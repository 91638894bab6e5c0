// A placed order's rows (the order, a shipment per seller, its items, the first history row and
// the payment) written in one statement: data-modifying CTEs see each other's RETURNING rows, so
// each item finds its seller's shipment id and the payment its order's id without a round trip.
// Five Prisma model writes were five statements, each compiled on every checkout.
import type { SqlTx } from "@bazaar/db";
import type { SellerTotals } from "../pricing";

export interface PlacedOrderRow {
  buyerId: string | null;
  guestEmail: string | null;
  cartId: string;
  currency: string;
  subtotalCents: number;
  discountCents: number;
  tierDiscountCents: number;
  shippingDiscountCents: number;
  pointsRedeemed: number;
  pointsDiscountCents: number;
  tierName: string | null;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  promoCodeId: string | null;
  shippingAddress: Record<string, unknown>;
  idempotencyKey: string;
  paymentDueAt: Date;
}

export interface PlacedItemRow {
  productId: string;
  variantId: string;
  sellerId: string;
  sku: string;
  name: string;
  variantTitle: string;
  quantity: number;
  unitPriceCents: number;
  subtotalCents: number;
  discountCents: number;
  tierDiscountCents: number;
  pointsDiscountCents: number;
  taxCents: number;
}

export interface InsertedOrder {
  order: { id: string; number: number };
  payment: { id: string; key: string };
  /** The order item written for each variant (a cart has one line per variant). */
  itemOf: Map<string, string>;
}

export async function insertPlacedOrder(
  tx: SqlTx,
  input: { order: PlacedOrderRow; shipments: readonly SellerTotals[]; items: readonly PlacedItemRow[]; provider: "STRIPE" | "SIMULATOR" },
): Promise<InsertedOrder> {
  const { order } = input;
  const at = new Date();
  const [row] = await tx.$queryRaw<{ id: string; number: number; paymentId: string; paymentKey: string; items: { id: string; variantId: string }[] }[]>`
    WITH placed AS (
      INSERT INTO "Order" ("id", "buyerId", "guestEmail", "cartId", "currency", "subtotalCents", "discountCents", "tierDiscountCents",
                           "shippingDiscountCents", "pointsRedeemed", "pointsDiscountCents", "tierName", "shippingCents", "taxCents",
                           "totalCents", "promoCodeId", "shippingAddress", "idempotencyKey", "paymentDueAt", "createdAt", "updatedAt")
      VALUES (gen_random_uuid()::text, ${order.buyerId}, ${order.guestEmail}, ${order.cartId}, ${order.currency}, ${order.subtotalCents},
              ${order.discountCents}, ${order.tierDiscountCents}, ${order.shippingDiscountCents}, ${order.pointsRedeemed},
              ${order.pointsDiscountCents}, ${order.tierName}, ${order.shippingCents}, ${order.taxCents}, ${order.totalCents},
              ${order.promoCodeId}, ${JSON.stringify(order.shippingAddress)}::jsonb, ${order.idempotencyKey},
              ${order.paymentDueAt}::timestamp(3), ${at}::timestamp(3), ${at}::timestamp(3))
      RETURNING "id", "number", "buyerId"
    ), shipments AS (
      INSERT INTO "Shipment" ("id", "orderId", "sellerId", "subtotalCents", "discountCents", "shippingCents", "taxCents", "tierDiscountCents",
                              "shippingDiscountCents", "pointsDiscountCents", "sellerFundedCents", "totalCents", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, placed."id", s."sellerId", s."subtotalCents", s."discountCents", s."shippingCents", s."taxCents",
             s."tierDiscountCents", s."shippingDiscountCents", s."pointsDiscountCents", s."sellerFundedCents", s."totalCents",
             ${at}::timestamp(3), ${at}::timestamp(3)
        FROM placed, jsonb_to_recordset(${JSON.stringify(input.shipments)}::jsonb) AS s(
               "sellerId" text, "subtotalCents" int, "discountCents" int, "shippingCents" int, "taxCents" int, "tierDiscountCents" int,
               "shippingDiscountCents" int, "pointsDiscountCents" int, "sellerFundedCents" int, "totalCents" int)
      RETURNING "id", "sellerId"
    ), items AS (
      INSERT INTO "OrderItem" ("id", "orderId", "shipmentId", "productId", "variantId", "sellerId", "sku", "name", "variantTitle", "quantity",
                               "unitPriceCents", "subtotalCents", "discountCents", "tierDiscountCents", "pointsDiscountCents", "taxCents", "currency")
      SELECT gen_random_uuid()::text, placed."id", shipments."id", i."productId", i."variantId", i."sellerId", i."sku", i."name", i."variantTitle",
             i."quantity", i."unitPriceCents", i."subtotalCents", i."discountCents", i."tierDiscountCents", i."pointsDiscountCents", i."taxCents",
             ${order.currency}
        FROM placed, jsonb_to_recordset(${JSON.stringify(input.items)}::jsonb) AS i(
               "productId" text, "variantId" text, "sellerId" text, "sku" text, "name" text, "variantTitle" text, "quantity" int,
               "unitPriceCents" int, "subtotalCents" int, "discountCents" int, "tierDiscountCents" int, "pointsDiscountCents" int, "taxCents" int)
        JOIN shipments ON shipments."sellerId" = i."sellerId"
      RETURNING "id", "variantId"
    ), history AS (
      INSERT INTO "OrderStatusHistory" ("id", "orderId", "status", "note", "actorId", "createdAt")
      SELECT gen_random_uuid()::text, placed."id", 'PENDING_PAYMENT', 'Order placed; awaiting payment.', placed."buyerId", ${at}::timestamp(3)
        FROM placed
    ), payment AS (
      INSERT INTO "Payment" ("id", "orderId", "provider", "amountCents", "currency", "idempotencyKey", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, placed."id", ${input.provider}::"PaymentProvider", ${order.totalCents}, ${order.currency},
             'order:' || placed."id" || ':payment', ${at}::timestamp(3), ${at}::timestamp(3)
        FROM placed
      RETURNING "id", "idempotencyKey"
    )
    SELECT placed."id", placed."number", payment."id" AS "paymentId", payment."idempotencyKey" AS "paymentKey",
           (SELECT coalesce(json_agg(json_build_object('id', items."id", 'variantId', items."variantId")), '[]'::json) FROM items) AS "items"
      FROM placed, payment`;
  if (!row) throw new Error(`The order for cart ${order.cartId} was not written.`);
  // Every line must have found its seller's shipment: a missing one would be an order without that line.
  if (row.items.length !== input.items.length) throw new Error(`Order ${row.id} wrote ${row.items.length} of its ${input.items.length} items.`);
  return {
    order: { id: row.id, number: row.number },
    payment: { id: row.paymentId, key: row.paymentKey },
    itemOf: new Map(row.items.map((item) => [item.variantId, item.id])),
  };
}
