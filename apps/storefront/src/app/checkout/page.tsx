import type { Metadata } from "next";
import { auth } from "~/auth";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { CheckoutFlow } from "./checkout-flow";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  // A guest checks out with an email, or signs in first (their cart comes along).
  const signedIn = Boolean((await auth())?.user);
  await Promise.all([signedIn ? prefetch(trpc.address.list.queryOptions()) : null, prefetch(trpc.payments.config.queryOptions())]);
  return (
    <HydrateClient>
      <CheckoutFlow signedIn={signedIn} />
    </HydrateClient>
  );
}
