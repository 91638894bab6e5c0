import { Badge, type BadgeTone } from "@bazaar/ui";

const productTone: Record<string, BadgeTone> = { ACTIVE: "success", DRAFT: "neutral", ARCHIVED: "warning" };
const productLabel: Record<string, string> = { ACTIVE: "Active", DRAFT: "Draft", ARCHIVED: "Archived" };

export function ProductStatusBadge({ status, unlisted }: { status: string; unlisted?: boolean }) {
  if (unlisted) return <Badge tone="danger">Unlisted by Bazaar</Badge>;
  return <Badge tone={productTone[status] ?? "neutral"}>{productLabel[status] ?? status}</Badge>;
}

const shipmentTone: Record<string, BadgeTone> = { PENDING: "warning", PROCESSING: "info", SHIPPED: "success", DELIVERED: "success", CANCELLED: "danger" };
const shipmentLabel: Record<string, string> = { PENDING: "To ship", PROCESSING: "Processing", SHIPPED: "Shipped", DELIVERED: "Delivered", CANCELLED: "Cancelled" };

export function ShipmentStatusBadge({ status }: { status: string }) {
  return <Badge tone={shipmentTone[status] ?? "neutral"}>{shipmentLabel[status] ?? status}</Badge>;
}

export const shipmentStatusLabel = (status: string) => shipmentLabel[status] ?? status;
