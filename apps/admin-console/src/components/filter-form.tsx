import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@bazaar/ui";

/**
 * A GET form of filters: the URL holds them, so a filtered list can be shared, reloaded and
 * works without JavaScript. "Clear" goes back to the unfiltered page.
 */
export function FilterForm({
  path,
  label,
  children,
  active,
}: {
  path: string;
  label: string;
  children: ReactNode;
  active: boolean;
}) {
  return (
    <form
      method="get"
      action={path}
      role="search"
      aria-label={label}
      className="mb-4 rounded-lg bg-white p-4 ring-1 ring-slate-200"
    >
      <div className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-5">
        {children}
        <div className="flex gap-2">
          <button type="submit" className={buttonClasses("primary", "md")}>
            Apply
          </button>
          {active ? (
            <Link href={path} className={buttonClasses("ghost", "md")}>
              Clear
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}
