import type { Metadata } from "next";
import { connection } from "next/server";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { CartView } from "./cart-view";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage() {
  // The visitor's cart: per request, and it arrives with the page instead of after it loads.
  await connection();
  prefetch(trpc.cart.get.queryOptions());
  return (
    <HydrateClient>
      <CartView />
    </HydrateClient>
  );
}
