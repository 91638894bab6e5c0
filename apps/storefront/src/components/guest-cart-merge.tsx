"use client";

import dynamic from "next/dynamic";
import { useVisitor } from "./visitor";

// Only a buyer who just signed in with a guest cart needs it, and with it the tRPC client.
const MergeGuestCart = dynamic(() => import("./merge-guest-cart").then((module) => module.MergeGuestCart));

/** Moves a guest cart into the account's once the header learns the buyer signed in with one. */
export function GuestCartMerge() {
  const visitor = useVisitor();
  return visitor?.user && visitor.guestCartToMerge ? <MergeGuestCart /> : null;
}
