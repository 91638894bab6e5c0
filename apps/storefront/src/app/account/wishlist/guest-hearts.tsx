"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { mergeGuestWishlist, takeRecentMerge } from "~/components/wishlist";

/**
 * Hearts saved in this browser before signing in join the list shown here, then it reloads. It
 * also reloads when the page before merged them just now: this page may have been rendered first.
 */
export function GuestHearts() {
  const router = useRouter();
  useEffect(() => {
    void mergeGuestWishlist().then(() => {
      if (takeRecentMerge()) router.refresh();
    });
  }, [router]);
  return null;
}
