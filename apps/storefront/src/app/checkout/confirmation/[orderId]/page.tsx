import type { Metadata } from "next";
import { orderLink, type OrderLinkProps } from "~/lib/order-link";
import { requireSignIn } from "~/server/session";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { Confirmation } from "./confirmation";

export const metadata: Metadata = { title: "Order confirmation" };

export default async function ConfirmationPage(props: OrderLinkProps) {
  // A guest's checkout brings the order's signed token; a buyer's order is found by their session.
  const { orderId, token: signed } = await orderLink(props);
  if (!signed) await requireSignIn(`/checkout/confirmation/${orderId}`);
  const ref = signed ? { orderId, token: signed } : { orderId };
  await prefetch(trpc.orders.get.queryOptions(ref));
  return (
    <HydrateClient>
      <Confirmation orderId={orderId} token={signed} />
    </HydrateClient>
  );
}
