"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { mergeGuestWishlist } from "~/components/wishlist";

/** Hearts saved in this browser before signing in join the list shown here (then it reloads). */
export function GuestHearts() {
  const router = useRouter();
  useEffect(() => {
    void mergeGuestWishlist().then((merged) => {
      if (merged) router.refresh();
    });
  }, [router]);
  return null;
}
