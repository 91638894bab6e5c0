import { existsSync, readFileSync } from "node:fs";
import { expect, type APIRequestContext } from "@playwright/test";
import { appUrl } from "./urls";

/**
 * The carrier webhook's secret of the running apps: the environment's, or the one a local start
 * made for itself (scripts/start.ts keeps it in .data/secrets.json, git-ignored).
 */
function carrierSecret(): string {
  if (process.env.CARRIER_WEBHOOK_SECRET) return process.env.CARRIER_WEBHOOK_SECRET;
  const file = ".data/secrets.json";
  expect(existsSync(file), "the local start wrote its secrets").toBe(true);
  return (JSON.parse(readFileSync(file, "utf8")) as { CARRIER_WEBHOOK_SECRET: string }).CARRIER_WEBHOOK_SECRET;
}

/**
 * The carrier reports a parcel delivered, through the storefront's carrier webhook as a carrier
 * integration would; `occurredAt` (ISO) when the carrier reports a delivery of an earlier day.
 */
export async function reportDelivered(request: APIRequestContext, parcel: { trackingNumber: string; carrier: string; occurredAt?: string }) {
  const answer = await request.post(appUrl("storefront", "/api/webhooks/carrier"), {
    headers: { authorization: `Bearer ${carrierSecret()}` },
    data: { ...parcel, status: "DELIVERED" },
  });
  expect(answer.status(), await answer.text()).toBe(200);
}
