import Link from "next/link";
import { cn, PageHeader } from "@bazaar/ui";

const tabs = [
  { href: "/money", label: "Trial balance" },
  { href: "/money/transactions", label: "Transactions" },
  { href: "/money/payouts", label: "Payouts" },
  { href: "/money/disputes", label: "Disputes and debts" },
] as const;

type MoneyTab = (typeof tabs)[number]["href"];

/** The Money section's heading and tabs, the same on each of its pages. */
export function MoneyHeader({
  current,
  description = "The double-entry ledger: every account, every transaction, and the payouts queue.",
}: {
  current: MoneyTab;
  description?: string;
}) {
  return (
    <>
      <PageHeader title="Money" description={description} />
      <MoneyTabs current={current} />
    </>
  );
}

function MoneyTabs({ current }: { current: MoneyTab }) {
  return (
    <nav aria-label="Money" className="mb-6 overflow-x-auto">
      <ul className="flex gap-1 border-b border-slate-200">
        {tabs.map((t) => (
          <li key={t.href} className="shrink-0">
            <Link
              href={t.href}
              aria-current={t.href === current ? "page" : undefined}
              className={cn(
                "-mb-px block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                t.href === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
