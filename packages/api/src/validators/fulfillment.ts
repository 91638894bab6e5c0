import { ShipmentStatus } from "@bazaar/db/enums";
import { z } from "zod";
import { ZId } from "./cart";
import { ZPageSchema } from "./orders";

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
