import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ApiProvider } from "~/components/api-provider";
import { OrderDetail } from "~/app/account/orders/[orderId]/order-detail";

export const metadata: Metadata = { title: "Your order", robots: { index: false, follow: false } };

/**
 * Order links from emails. A guest's carries its signed token and opens here without an
 * account (tracking, cancel before shipping); a buyer's leads to the order in their account.
 */
export default async function OrderLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const [{ orderId }, { token }] = await Promise.all([params, searchParams]);
  const signed = typeof token === "string" && token ? token.slice(0, 100) : null;
  if (!signed) redirect(`/account/orders/${encodeURIComponent(orderId)}`);
  return (
    <ApiProvider>
      <OrderDetail orderId={orderId} token={signed} />
    </ApiProvider>
  );
}
