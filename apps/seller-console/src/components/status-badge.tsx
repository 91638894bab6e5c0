import { Badge, type BadgeTone } from "@bazaar/ui";
import type { ProductStatus, ShipmentStatus } from "@bazaar/db";

const productTone: Record<ProductStatus, BadgeTone> = { ACTIVE: "success", DRAFT: "neutral", ARCHIVED: "warning" };
const productLabel: Record<ProductStatus, string> = { ACTIVE: "Active", DRAFT: "Draft", ARCHIVED: "Archived" };

export function ProductStatusBadge({ status, unlisted }: { status: string; unlisted?: boolean }) {
  if (unlisted) return <Badge tone="danger">Unlisted by Bazaar</Badge>;
  return <Badge tone={lookup(productTone, status) ?? "neutral"}>{lookup(productLabel, status) ?? status}</Badge>;
}

const shipmentTone: Record<ShipmentStatus, BadgeTone> = {
  PENDING: "warning",
  PROCESSING: "info",
  SHIPPED: "success",
  DELIVERED: "success",
  CANCELLED: "danger",
};
const shipmentLabel: Record<ShipmentStatus, string> = {
  PENDING: "To ship",
  PROCESSING: "Processing",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
};

export function ShipmentStatusBadge({ status }: { status: string }) {
  return <Badge tone={lookup(shipmentTone, status) ?? "neutral"}>{shipmentStatusLabel(status)}</Badge>;
}

export const shipmentStatusLabel = (status: string) => lookup(shipmentLabel, status) ?? status;

/** Label maps are keyed by the schema's enums (a new state fails the typecheck); pages pass plain strings. */
function lookup<T>(map: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
