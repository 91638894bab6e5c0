import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ApiProvider } from "~/components/api-provider";
import { orderLink, type OrderLinkProps } from "~/lib/order-link";
import { OrderDetail } from "~/app/account/orders/[orderId]/order-detail";

export const metadata: Metadata = { title: "Your order", robots: { index: false, follow: false } };

/**
 * Order links from emails. A guest's carries its signed token and opens here without an
 * account (tracking, cancel before shipping); a buyer's leads to the order in their account.
 */
export default async function OrderLinkPage(props: OrderLinkProps) {
  const { orderId, token: signed } = await orderLink(props);
  if (!signed) redirect(`/account/orders/${encodeURIComponent(orderId)}`);
  return (
    <ApiProvider>
      <OrderDetail orderId={orderId} token={signed} />
    </ApiProvider>
  );
}
