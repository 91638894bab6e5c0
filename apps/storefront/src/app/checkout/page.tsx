import type { Metadata } from "next";
import { requireSignIn } from "~/server/session";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { CheckoutFlow } from "./checkout-flow";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  // A guest signs in here; their cart comes along (the header merges it).
  await requireSignIn("/checkout");
  prefetch(trpc.address.list.queryOptions());
  prefetch(trpc.payments.config.queryOptions());
  return (
    <HydrateClient>
      <CheckoutFlow />
    </HydrateClient>
  );
}
