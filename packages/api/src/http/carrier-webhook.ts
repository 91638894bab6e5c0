// POST /api/webhooks/carrier (storefront): parcel status from a carrier integration, authenticated by a shared secret.
//   apps/storefront/src/app/api/webhooks/carrier/route.ts   export { POST } from "@bazaar/api/http/carrier-webhook";
// Headers: `Authorization: Bearer <CARRIER_WEBHOOK_SECRET>` (or `X-Carrier-Secret: <secret>`).
// Body: { trackingNumber, carrier?, status: "DELIVERED" | "IN_TRANSIT" | ..., occurredAt? }. Only DELIVERED changes anything.
import { createHash, timingSafeEqual } from "node:crypto";
import { getDb } from "@bazaar/db";
import { z } from "zod";
import { markShipmentDelivered } from "../domain/fulfillment/shipments";
import { getEnv } from "../env";
import { errorResponse, jsonError, jsonResponse } from "./respond";

const ZCarrierEventSchema = z.object({
  trackingNumber: z.string().trim().min(1).max(100),
  carrier: z.string().trim().min(1).max(60).optional(),
  status: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .transform((s) => s.toUpperCase()),
  occurredAt: z.iso
    .datetime({ offset: true })
    .refine((value) => !Number.isNaN(Date.parse(value)), "Not a real date.")
    .optional(),
});

// Hashing first gives equal lengths, so the comparison takes the same time whatever was sent.
const sameSecret = (given: string, expected: string) =>
  timingSafeEqual(createHash("sha256").update(given).digest(), createHash("sha256").update(expected).digest());

export async function POST(request: Request): Promise<Response> {
  const given = request.headers.get("x-carrier-secret") ?? request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!given || !sameSecret(given, getEnv().CARRIER_WEBHOOK_SECRET)) return jsonError(401, "UNAUTHORIZED", "Missing or wrong carrier webhook secret.");
  const body = ZCarrierEventSchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return jsonError(400, "BAD_REQUEST", "Send trackingNumber and status.", z.flattenError(body.error).fieldErrors);
  if (body.data.status !== "DELIVERED") return jsonResponse({ received: true, changed: false });
  try {
    const result = await markShipmentDelivered(getDb(), {
      trackingNumber: body.data.trackingNumber,
      carrier: body.data.carrier,
      deliveredAt: body.data.occurredAt ? new Date(body.data.occurredAt) : undefined,
    });
    return jsonResponse({ received: true, ...result });
  } catch (error) {
    return errorResponse(error, "Carrier event");
  }
}
