import Link from "next/link";
import { Suspense } from "react";
import type { CategoryNode } from "@bazaar/api/domain/categories/list-categories";
import { CategoryMenu } from "./category-menu";
import { HeaderAccount } from "./header-account";
import { SearchBox } from "./search-box";

export interface SiteHeaderProps {
  categories: CategoryNode[];
  signOutAction: () => Promise<void>;
}

/** The storefront's header: categories, search with suggestions, account and cart. */
export function SiteHeader({ categories, signOutAction }: SiteHeaderProps) {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-2 sm:flex-nowrap sm:gap-x-4 sm:px-6">
        <CategoryMenu categories={categories} />
        <Link href="/" className="text-xl font-bold tracking-tight text-brand-700">
          Bazaar
        </Link>
        <div className="order-last w-full sm:order-none sm:flex-1">
          <Suspense fallback={<div className="h-10 rounded-full bg-slate-100" />}>
            <SearchBox />
          </Suspense>
        </div>
        <div className="ml-auto flex items-center gap-1">
          <HeaderAccount signOutAction={signOutAction} />
        </div>
      </div>
      <nav aria-label="Shop by category" className="hidden border-t border-slate-100 md:block">
        <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-4 py-1 sm:px-6">
          {categories.map((category) => (
            <li key={category.id} className="flex items-center">
              <Link href={`/c/${category.slug}`} className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100">
                {category.name}
              </Link>
              {category.children.map((child) => (
                <Link key={child.id} href={`/c/${child.slug}`} className="rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
                  {child.name}
                </Link>
              ))}
            </li>
          ))}
          <li className="ml-auto flex items-center">
            <Link href="/shops" className="rounded-md px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-100">
              All shops
            </Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
