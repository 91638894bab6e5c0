import Link from "next/link";
import { Badge } from "@bazaar/ui";
import { humanize, toneOf } from "~/lib/format";

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <Badge tone={toneOf(status)}>{label ?? humanize(status)}</Badge>;
}

/** A shop's name linking to its page, with its status when it is not open for business. */
export function ShopLink({ seller }: { seller: { id: string; shopName: string; status: string } }) {
  return (
    <>
      <Link href={`/sellers/${seller.id}`} className="text-brand-700 hover:underline">
        {seller.shopName}
      </Link>
      {seller.status !== "APPROVED" ? (
        <div>
          <StatusBadge status={seller.status} label={`Shop ${humanize(seller.status).toLowerCase()}`} />
        </div>
      ) : null}
    </>
  );
}

/** A payout's state, with the reason when it failed. */
export function PayoutStatus({ payout }: { payout: { status: string; failureReason: string | null } }) {
  return (
    <>
      <StatusBadge status={payout.status} />
      {payout.failureReason ? <div className="mt-1 text-xs text-slate-500">{payout.failureReason}</div> : null}
    </>
  );
}
