"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@bazaar/ui";

const sections = [
  { href: "/", label: "Overview" },
  { href: "/sellers", label: "Sellers" },
  { href: "/users", label: "Users" },
  { href: "/catalog", label: "Catalog" },
  { href: "/categories", label: "Categories" },
  { href: "/orders", label: "Orders" },
  { href: "/returns", label: "Returns" },
  { href: "/money", label: "Money" },
  { href: "/promotions", label: "Promotions" },
  { href: "/loyalty", label: "Loyalty" },
  { href: "/audit", label: "Audit log" },
  { href: "/settings", label: "Settings" },
  { href: "/mailbox", label: "Mailbox" },
  { href: "/system-health", label: "System health" },
] as const;

/**
 * The console's sections: a sidebar on wide screens, a strip that scrolls sideways on phones
 * (thirteen sections would otherwise wrap into a wall of links above every page).
 */
export function ConsoleNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin console" className="-mx-4 border-b border-slate-200 sm:mx-0 lg:border-0">
      <ul className="flex gap-1 overflow-x-auto px-4 pb-2 sm:px-0 lg:flex-col lg:overflow-visible lg:pb-0">
        {sections.map((s) => {
          const current = s.href === "/" ? pathname === "/" : pathname === s.href || pathname.startsWith(`${s.href}/`);
          return (
            <li key={s.href} className="shrink-0">
              <Link
                href={s.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap",
                  current ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
