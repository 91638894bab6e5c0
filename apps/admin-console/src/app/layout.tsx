import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppShell } from "@bazaar/ui";
import { auth } from "~/auth";
import { TRPCReactProvider } from "~/trpc/react";
import { signOutAction } from "./actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Admin console · Bazaar", template: "%s · Admin console" },
  // A console is for its users, never a search result.
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  const user = session?.user
    ? {
        name: session.user.name ?? null,
        email: session.user.email,
        role: session.user.role,
      }
    : null;
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>
          {/* The console's own navigation is in (console)/layout.tsx, shown to administrators only. */}
          <AppShell appName="Admin console" user={user} signOutAction={signOutAction}>
            {children}
          </AppShell>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
