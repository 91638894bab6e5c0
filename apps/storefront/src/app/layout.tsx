import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { GuestCartMerge } from "~/components/guest-cart-merge";
import { SiteHeader } from "~/components/site-header";
import { getCategoryTree } from "~/server/catalog";
import { signOutAction } from "./actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Bazaar", template: "%s · Bazaar" },
  description: "Independent shops, one checkout.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The layout is the same for every visitor: who is signed in and their cart's count are loaded
  // by the header after the page (HeaderAccount), so rendering reads no session, cookie or cart,
  // and the tRPC client is only downloaded by the pages that call the API (ApiProvider).
  const categories = await getCategoryTree();
  return (
    <html lang="en">
      <body>
        <div className="flex min-h-dvh flex-col">
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
          >
            Skip to content
          </a>
          <SiteHeader categories={categories} signOutAction={signOutAction} />
          <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
            <GuestCartMerge />
            {children}
          </main>
          <footer className="border-t border-slate-200 bg-white">
            <div className="mx-auto flex max-w-7xl flex-wrap justify-between gap-2 px-4 py-6 text-xs text-slate-600 sm:px-6">
              <span>Bazaar · independent shops, one checkout</span>
              <span>Each shop packs and ships its own items.</span>
            </div>
          </footer>
        </div>
      </body>
    </html>
  );
}
