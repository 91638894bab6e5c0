import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppShell, type NavItem } from "@bazaar/ui";
import { NotificationBell } from "~/components/notification-bell";
import { getSellerAccess } from "~/server/access";
import { TRPCReactProvider } from "~/trpc/react";
import { signOutAction } from "./actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Seller console · Bazaar", template: "%s · Seller console" },
  // A console is for its users, never a search result.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

const sellerNav: NavItem[] = [
  { href: "/", label: "Dashboard" },
  { href: "/products", label: "Products" },
  { href: "/inventory", label: "Inventory" },
  { href: "/orders", label: "Orders" },
  { href: "/returns", label: "Returns" },
  { href: "/money", label: "Money" },
  { href: "/shop", label: "Shop" },
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const access = await getSellerAccess();
  const account = access.kind === "signed-out" ? null : access.account;
  const user = account ? { name: account.name, email: account.email, role: account.role } : null;
  const approved = access.kind === "approved";
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>
          <AppShell
            appName="Seller console"
            nav={approved ? sellerNav : []}
            user={user}
            signOutAction={signOutAction}
            headerExtra={approved ? <NotificationBell /> : null}
          >
            {children}
          </AppShell>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
