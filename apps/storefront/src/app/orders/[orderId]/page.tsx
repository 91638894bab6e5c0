import { redirect } from "next/navigation";
import { VisitorBoundary } from "~/components/visitor-boundary";

type Props = { params: Promise<{ orderId: string }> };

/** Short order links (emails, the seller console's tests) lead to the order in the account. */
export default function OrderLinkPage({ params }: Props) {
  return (
    <VisitorBoundary>
      <RedirectToOrder params={params} />
    </VisitorBoundary>
  );
}

async function RedirectToOrder({ params }: Props) {
  const { orderId } = await params;
  return redirect(`/account/orders/${encodeURIComponent(orderId)}`);
}
