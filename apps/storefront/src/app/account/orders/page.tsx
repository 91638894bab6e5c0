import type { Metadata } from "next";
import Link from "next/link";
import { Badge, buttonClasses, EmptyState, formatMoney, LinkButton, PageHeader } from "@bazaar/ui";
import { formatDate, orderStatus } from "~/lib/order-status";
import { requireSignIn } from "~/server/session";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Your orders" };

const PAGE_SIZE = 10;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  await requireSignIn("/account/orders");
  const { cursor } = await searchParams;
  const page = await api.orders.list({ limit: PAGE_SIZE, cursor: cursor || undefined });
  return (
    <>
      <PageHeader title="Your orders" />
      {page.items.length === 0 ? (
        <EmptyState
          title="No orders yet"
          description="When you buy something, it shows up here with its tracking."
          action={<LinkButton href="/">Start shopping</LinkButton>}
        />
      ) : (
        <ul className="space-y-3" aria-label="Orders" data-testid="order-list">
          {page.items.map((order) => {
            const status = orderStatus(order.status);
            return (
              <li
                key={order.id}
                className="relative rounded-lg bg-white p-4 ring-1 ring-slate-200 focus-within:ring-2 focus-within:ring-brand-500 hover:shadow-sm"
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 className="text-sm font-semibold text-slate-900">
                    <Link href={`/account/orders/${order.id}`} className="after:absolute after:inset-0 focus-visible:outline-none">
                      Order #{order.number}
                    </Link>
                  </h2>
                  <Badge tone={status.tone}>{status.label}</Badge>
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {formatDate(order.createdAt)} · {order.itemCount} {order.itemCount === 1 ? "item" : "items"} from{" "}
                  {order.shipments.map((s) => s.seller.shopName).join(", ")}
                </p>
                <p className="mt-1 text-sm font-medium text-slate-900">
                  {formatMoney(order.totalCents, order.currency)}
                  {order.refundedCents > 0 ? (
                    <span className="font-normal text-slate-600"> ({formatMoney(order.refundedCents, order.currency)} refunded)</span>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {cursor || page.nextCursor ? (
        <nav aria-label="Pagination" className="mt-6 flex justify-between">
          {cursor ? (
            <Link href="/account/orders" className={buttonClasses("secondary")}>
              ← Newest orders
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor ? (
            <Link href={`/account/orders?cursor=${encodeURIComponent(page.nextCursor)}`} className={buttonClasses("secondary")}>
              Older orders →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
