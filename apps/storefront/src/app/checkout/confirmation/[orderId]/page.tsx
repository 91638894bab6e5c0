import type { Metadata } from "next";
import { requireSignIn } from "~/server/session";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { Confirmation } from "./confirmation";

export const metadata: Metadata = { title: "Order confirmation" };

export default async function ConfirmationPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  await requireSignIn(`/checkout/confirmation/${orderId}`);
  prefetch(trpc.orders.get.queryOptions({ orderId }));
  return (
    <HydrateClient>
      <Confirmation orderId={orderId} />
    </HydrateClient>
  );
}
