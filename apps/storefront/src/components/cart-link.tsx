"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/trpc/react";
import { CartIcon } from "./icons";

/** The header's cart link with the number of items; follows every cart change on the page. */
export function CartLink() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.cart.get.queryOptions());
  const count = data?.itemCount ?? 0;
  return (
    <Link
      href="/cart"
      className="relative inline-flex h-10 items-center gap-1 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
      data-testid="cart-link"
    >
      <CartIcon className="size-6" />
      {/* The name is the visible words plus the count for screen readers: "Cart with 2 items". */}
      <span className="sr-only md:not-sr-only">Cart</span>
      <span className="sr-only"> with {count === 1 ? "1 item" : `${count} items`}</span>
      {count > 0 ? (
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
