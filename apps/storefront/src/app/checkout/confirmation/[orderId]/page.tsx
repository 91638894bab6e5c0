import type { Metadata } from "next";
import { requireSignIn } from "~/server/session";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { Confirmation } from "./confirmation";

export const metadata: Metadata = { title: "Order confirmation" };

export default async function ConfirmationPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const [{ orderId }, { token }] = await Promise.all([params, searchParams]);
  // A guest's checkout brings the order's signed token; a buyer's order is found by their session.
  const signed = typeof token === "string" && token ? token.slice(0, 100) : null;
  if (!signed) await requireSignIn(`/checkout/confirmation/${orderId}`);
  const ref = signed ? { orderId, token: signed } : { orderId };
  await prefetch(trpc.orders.get.queryOptions(ref));
  return (
    <HydrateClient>
      <Confirmation orderId={orderId} token={signed} />
    </HydrateClient>
  );
}
