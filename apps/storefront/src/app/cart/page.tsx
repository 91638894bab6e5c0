import type { Metadata } from "next";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { CartView } from "./cart-view";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage() {
  // The cart arrives with the page instead of being fetched after it loads.
  await prefetch(trpc.cart.get.queryOptions());
  return (
    <HydrateClient>
      <CartView />
    </HydrateClient>
  );
}
