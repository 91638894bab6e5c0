import type { Metadata } from "next";
import { CartView } from "./cart-view";

export const metadata: Metadata = { title: "Your cart" };

export default function CartPage() {
  // The cart's data is prefetched by the layout (the header's badge uses it too).
  return <CartView />;
}
