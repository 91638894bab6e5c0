"use client";

import { matchQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "~/trpc/react";
import { setCartCount } from "./visitor";

/**
 * Passes every cart the page's queries and mutations receive (cart.get answers, or data set by
 * add to cart and the cart page) to the header's count, which lives outside this provider.
 */
export function CartCountSync() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const carts = trpc.cart.get.queryFilter();
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "success" || !matchQuery(carts, event.query)) return;
      const cart = event.query.state.data as { itemCount: number } | undefined;
      if (cart) setCartCount(cart.itemCount);
    });
  }, [trpc, queryClient]);
  return null;
}
