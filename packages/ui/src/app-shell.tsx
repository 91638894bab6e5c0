import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "./button";
import { NavLinks, type NavItem } from "./nav-links";

export interface ShellUser {
  name: string | null;
  email: string;
  role: string;
}

export interface AppShellProps {
  /** The app's name, shown beside the Bazaar mark ("Seller console"). */
  appName: string;
  nav?: NavItem[];
  /** The signed-in user, or null for a guest. */
  user: ShellUser | null;
  /** A server action that signs the user out. */
  signOutAction?: () => Promise<void>;
  signInHref?: string;
  /** Extra header content (e.g. the cart link), placed before the account menu. */
  headerExtra?: ReactNode;
  children: ReactNode;
}

/** The frame of every Bazaar app: skip link, header with navigation and sign-in state, main. */
export function AppShell({ appName, nav = [], user, signOutAction, signInHref = "/sign-in", headerExtra, children }: AppShellProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only print:hidden focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <Link href="/" className="flex items-baseline gap-2">
            <span className="text-lg font-bold tracking-tight text-brand-700">Bazaar</span>
            <span className="text-sm text-slate-500">{appName}</span>
          </Link>
          {nav.length > 0 ? (
            <nav aria-label="Main" className="order-last w-full sm:order-none sm:w-auto">
              <NavLinks items={nav} />
            </nav>
          ) : null}
          <div className="ml-auto flex items-center gap-3">
            {headerExtra}
            {user ? (
              <>
                <span className="hidden text-sm text-slate-600 md:inline" data-testid="signed-in-as">
                  Signed in as <span className="font-medium text-slate-900">{user.name ?? user.email}</span>
                </span>
                {signOutAction ? (
                  <form action={signOutAction}>
                    <button type="submit" className={buttonClasses("secondary", "sm")}>
                      Sign out
                    </button>
                  </form>
                ) : null}
              </>
            ) : (
              <Link href={signInHref} className={buttonClasses("primary", "sm")}>
                Sign in
              </Link>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6 print:max-w-none print:p-0">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white print:hidden">
        <div className="mx-auto max-w-7xl px-4 py-4 text-xs text-slate-500 sm:px-6">Bazaar · an open-source marketplace</div>
      </footer>
    </div>
  );
}

export interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** On a detail page: the link back to its list ("← Orders"). */
  back?: { href: string; label: string };
}

export function PageHeader({ title, description, actions, back }: PageHeaderProps) {
  return (
    <>
      {back ? (
        <p className="mb-2 text-sm">
          <Link href={back.href} className="text-brand-700 hover:underline">
            {`← ${back.label}`}
          </Link>
        </p>
      ) : null}
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
          {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
        </div>
        {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
      </div>
    </>
  );
}

/** A centred panel for sign-in, sign-up and status pages. */
export function AuthPanel({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md">
      <div className="rounded-lg bg-white px-6 py-8 shadow-sm ring-1 ring-slate-200 sm:px-8">
        <h1 className="text-xl font-bold tracking-tight text-slate-900">{title}</h1>
        {description ? <div className="mt-2 text-sm text-slate-600">{description}</div> : null}
        <div className="mt-6">{children}</div>
      </div>
    </div>
  );
}
