import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { auth } from "~/auth";
import { MergeGuestCart } from "~/components/merge-guest-cart";
import { SiteHeader } from "~/components/site-header";
import { getCategoryTree } from "~/server/catalog";
import { requestIdentity } from "~/server/identity";
import { TRPCReactProvider } from "~/trpc/react";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { signOutAction } from "./actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Bazaar", template: "%s · Bazaar" },
  description: "Independent shops, one checkout.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page shows who is signed in and their cart: rendered per request, never at build time
  // (when there is no database to read the menu from).
  await connection();
  // The cart badge's data streams in with the page instead of being fetched after it loads.
  prefetch(trpc.cart.get.queryOptions());
  const [session, identity, categories] = await Promise.all([auth(), requestIdentity(), getCategoryTree()]);
  const user = session?.user ? { name: session.user.name ?? null, email: session.user.email } : null;
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>
          <HydrateClient>
            <div className="flex min-h-dvh flex-col">
              <a
                href="#main"
                className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
              >
                Skip to content
              </a>
              <SiteHeader user={user} categories={categories} signOutAction={signOutAction} />
              <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
                {user && identity.guestCartToken ? <MergeGuestCart /> : null}
                {children}
              </main>
              <footer className="border-t border-slate-200 bg-white">
                <div className="mx-auto flex max-w-7xl flex-wrap justify-between gap-2 px-4 py-6 text-xs text-slate-600 sm:px-6">
                  <span>Bazaar · independent shops, one checkout</span>
                  <span>Each shop packs and ships its own items.</span>
                </div>
              </footer>
            </div>
          </HydrateClient>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
