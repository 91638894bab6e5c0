import { ShipmentStatus } from "@bazaar/db/enums";
import { z } from "zod";
import { ZId } from "./cart";
import { ZPageSchema } from "./orders";
import { OrderStatus } from "@bazaar/db/enums";

export const ZShipmentStatusSchema = z.enum(ShipmentStatus);

export const ZListShipmentsSchema = ZPageSchema.extend({ status: ZShipmentStatusSchema.optional() });

export const ZShipmentIdSchema = z.object({ shipmentId: ZId });

export const ZMarkShippedSchema = z.object({
  shipmentId: ZId,
  carrier: z.string().trim().min(2, "Name the carrier, e.g. UPS.").max(60, "Carrier names are at most 60 characters."),
  trackingNumber: z
    .string()
    .trim()
    .min(4, "Enter the tracking number.")
    .max(100, "That tracking number is too long.")
    .regex(/^[A-Za-z0-9 -]+$/, "Tracking numbers have letters, digits, spaces and dashes only."),
});

/** A seller's shipment as their fulfillment steps answer it. */
export const ZSellerShipmentSchema = z.object({
  id: z.string(),
  status: ZShipmentStatusSchema,
  createdAt: z.date(),
  order: z.object({
    id: z.string(),
    number: z.number().int(),
    status: z.enum(OrderStatus),
    currency: z.string(),
    buyer: z.object({ name: z.string().nullable() }).nullable(),
    // The address as stored at checkout (a JSON snapshot); the packing slip formats it.
    shippingAddress: z.unknown(),
    paidAt: z.date().nullable(),
    tierName: z.string().nullable(),
  }),
  subtotalCents: z.number().int(),
  discountCents: z.number().int(),
  shippingCents: z.number().int(),
  taxCents: z.number().int(),
  tierDiscountCents: z.number().int(),
  shippingDiscountCents: z.number().int(),
  pointsDiscountCents: z.number().int(),
  sellerFundedCents: z.number().int(),
  totalCents: z.number().int(),
  refundedCents: z.number().int(),
  cancelledAt: z.date().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      productId: z.string(),
      sku: z.string(),
      name: z.string(),
      quantity: z.number().int(),
      refundedQuantity: z.number().int(),
      unitPriceCents: z.number().int(),
      subtotalCents: z.number().int(),
    }),
  ),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  processingAt: z.date().nullable(),
  shippedAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
});
