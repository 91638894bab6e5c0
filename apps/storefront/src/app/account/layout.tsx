import type { ReactNode } from "react";
import { NavLinks } from "@bazaar/ui";
import { ApiProvider } from "~/components/api-provider";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <div className="grid gap-6 md:grid-cols-[12rem_1fr]">
      <nav aria-label="Your account">
        <NavLinks
          className="md:flex-col md:items-stretch"
          items={[
            { href: "/account/orders", label: "Orders" },
            { href: "/account/wishlist", label: "Wishlist" },
            { href: "/account/rewards", label: "Rewards" },
            { href: "/account/addresses", label: "Addresses" },
            { href: "/account/password", label: "Password" },
          ]}
        />
      </nav>
      <div className="min-w-0">
        <ApiProvider>{children}</ApiProvider>
      </div>
    </div>
  );
}
