"use client";

import Link from "next/link";
import type { CategoryNode } from "@bazaar/api/domain/categories/list-categories";
import { MenuIcon } from "./icons";
import { useDisclosure } from "./use-disclosure";

/** "All categories": every category and its sub-categories in one panel. */
export function CategoryMenu({ categories }: { categories: CategoryNode[] }) {
  const { rootRef, buttonProps, panelProps } = useDisclosure();
  return (
    <div ref={rootRef} className="relative">
      <button {...buttonProps} className="inline-flex h-10 items-center gap-2 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 sm:px-3">
        <MenuIcon className="size-5" />
        <span className="sr-only sm:not-sr-only">Categories</span>
      </button>
      <div {...panelProps} className="absolute top-12 left-0 z-40 w-[min(90vw,40rem)] rounded-lg bg-white p-4 shadow-lg ring-1 ring-slate-200">
        <nav aria-label="All categories" className="grid gap-4 sm:grid-cols-3">
          {categories.map((category) => (
            <div key={category.id}>
              <Link href={`/c/${category.slug}`} className="text-sm font-semibold text-slate-900 hover:text-brand-700">
                {category.name}
              </Link>
              <ul className="mt-2 space-y-1">
                {category.children.map((child) => (
                  <li key={child.id}>
                    <Link href={`/c/${child.slug}`} className="text-sm text-slate-600 hover:text-brand-700">
                      {child.name} <span className="text-slate-500">({child.productCount})</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      </div>
    </div>
  );
}
