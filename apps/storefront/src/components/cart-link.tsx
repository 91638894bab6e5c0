import Link from "next/link";
import { CartIcon } from "./icons";

/** The header's cart link with the number of items (`null` until the header knows it). */
export function CartLink({ count }: { count: number | null }) {
  return (
    <Link
      href="/cart"
      className="relative inline-flex h-10 items-center gap-1 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
      data-testid="cart-link"
    >
      <CartIcon className="size-6" />
      {/* The name is the visible words plus the count for screen readers: "Cart with 2 items". */}
      <span className="sr-only md:not-sr-only">Cart</span>
      {count === null ? null : <span className="sr-only"> with {count === 1 ? "1 item" : `${count} items`}</span>}
      {/* The badge floats over the icon: it appears without moving anything. */}
      {count ? (
        <span
          aria-hidden
          data-testid="cart-count"
          className="absolute -top-0.5 left-5 min-w-5 rounded-full bg-brand-600 px-1.5 text-center text-xs leading-5 font-semibold text-white"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
