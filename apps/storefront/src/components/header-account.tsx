"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { buttonClasses } from "@bazaar/ui";
import { signInHref } from "~/lib/sign-in-href";
import { AccountMenu } from "./account-menu";
import { CartLink } from "./cart-link";
import { refreshVisitor, useVisitor } from "./visitor";

/**
 * The header's per-visitor part: "Sign in" or the account menu, and the cart's count. Loaded
 * after the page (GET /api/visitor) so that pages render the same for everyone and read no
 * session or cart while rendering.
 */
export function HeaderAccount({ signOutAction }: { signOutAction: () => Promise<void> }) {
  const visitor = useVisitor();
  const pathname = usePathname();
  // Signing in or up ends in a redirect, a client-side navigation: ask again after each one.
  useEffect(() => {
    void refreshVisitor();
  }, [pathname]);
  return (
    <>
      {/* Wide enough for either answer, so nothing moves when it arrives. */}
      <div className="flex w-[4.5rem] justify-end md:w-[7.5rem]">
        {visitor === null ? null : visitor.user ? (
          <AccountMenu user={visitor.user} signOutAction={signOutAction} />
        ) : (
          <Link href={signInHref(pathname)} className={buttonClasses("ghost", "sm")}>
            Sign in
          </Link>
        )}
      </div>
      <CartLink count={visitor?.cartCount ?? null} />
    </>
  );
}
