import type { Metadata } from "next";
import { Badge, Card, CardBody, EmptyState, PageHeader, ReturnPhotos, type BadgeTone } from "@bazaar/ui";
import type { ReturnStatus } from "@bazaar/db/enums";
import { ReturnActions } from "~/components/return-actions";
import { getSellerAccess } from "~/server/access";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Returns" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const tone: Record<ReturnStatus, BadgeTone> = {
  REQUESTED: "warning",
  APPROVED: "info",
  REJECTED: "neutral",
  SENT: "info",
  RECEIVED: "success",
  CANCELLED: "neutral",
};

export default async function ReturnsPage() {
  const access = await getSellerAccess();
  if (access.kind !== "approved") return null;
  const [returns, warehouses] = await Promise.all([api.returns.sellerList({ limit: 50 }), api.inventory.warehouses()]);
  return (
    <>
      <PageHeader
        title="Returns"
        description="Buyers' requests to send items back: approve with instructions or reject, then receive the parcel to refund them."
      />
      {returns.items.length === 0 ? (
        <EmptyState title="No returns" description="When a buyer asks to return delivered items, the request shows here." />
      ) : (
        <ul className="space-y-4">
          {returns.items.map((r) => (
            <li key={r.id}>
              <Card data-testid="return-row" aria-label={`Return #${r.number}`}>
                <CardBody className="grid gap-4 text-sm md:grid-cols-2">
                  <div className="space-y-1">
                    <p className="font-semibold text-slate-900">
                      Return #{r.number} · order #{r.order.number} <Badge tone={tone[r.status]}>{r.status.toLowerCase()}</Badge>
                    </p>
                    <p className="text-slate-600">
                      Asked {dateFormat.format(r.requestedAt)}: {r.reason}
                    </p>
                    <p>{r.items.map((i) => `${i.quantity} × ${i.orderItem.name}`).join(", ")}</p>
                    <ReturnPhotos photos={r.photos} returnNumber={r.number} />
                    {r.trackingNumber ? (
                      <p className="text-slate-600">
                        Sent with {r.carrier}: <span className="font-mono">{r.trackingNumber}</span>
                      </p>
                    ) : null}
                  </div>
                  <ReturnActions request={r} warehouses={warehouses.map((w) => ({ id: w.id, name: w.name }))} />
                </CardBody>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
