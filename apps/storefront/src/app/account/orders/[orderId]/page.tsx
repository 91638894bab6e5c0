import type { Metadata } from "next";
import { requireSignIn } from "~/server/session";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { OrderDetail } from "./order-detail";

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  await requireSignIn(`/account/orders/${orderId}`);
  await prefetch(trpc.orders.get.queryOptions({ orderId }));
  return (
    <HydrateClient>
      <OrderDetail orderId={orderId} />
    </HydrateClient>
  );
}
