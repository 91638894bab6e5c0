import { redirect } from "next/navigation";

/** Short order links (emails, the seller console's tests) lead to the order in the account. */
export default async function OrderLinkPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  redirect(`/account/orders/${encodeURIComponent(orderId)}`);
}
