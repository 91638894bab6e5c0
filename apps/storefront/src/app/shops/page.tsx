import type { Metadata } from "next";
import { FillImage } from "~/components/fill-image";
import Link from "next/link";
import { buttonClasses, EmptyState } from "@bazaar/ui";
import { StoreIcon } from "~/components/icons";
import { AutoSubmitForm } from "~/components/listing/auto-submit-form";
import { RatingSummary } from "~/components/rating";
import { getEnv } from "~/env";
import { isBadRequest } from "~/lib/not-found";
import { absoluteUrl } from "~/lib/seo";
import { getCategoryTree, getShopDirectory, type ShopDirectoryInput } from "~/server/catalog";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORTS = [
  { value: "rating", label: "Top rated" },
  { value: "newest", label: "Newest" },
  { value: "sales", label: "Most sales" },
] as const;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** The query, read leniently: an unknown sort or a page that is not a number falls back to the default. */
function parseDirectory(raw: Record<string, string | string[] | undefined>): ShopDirectoryInput {
  const sort = SORTS.find((option) => option.value === one(raw.sort))?.value;
  const page = Number.parseInt(one(raw.page) ?? "", 10);
  return {
    q: one(raw.q)?.slice(0, 100),
    category: one(raw.category)?.slice(0, 120),
    sort,
    page: Number.isInteger(page) && page > 1 ? Math.min(page, 100) : undefined,
  };
}

function directoryHref(input: ShopDirectoryInput, page: number) {
  const params = new URLSearchParams();
  if (input.q) params.set("q", input.q);
  if (input.category) params.set("category", input.category);
  if (input.sort) params.set("sort", input.sort);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/shops?${query}` : "/shops";
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const input = parseDirectory(await searchParams);
  const filtered = Boolean(input.q || input.category || input.sort || input.page);
  return {
    title: "Shops",
    description: "Browse the independent shops selling on Bazaar.",
    alternates: { canonical: absoluteUrl(getEnv().STOREFRONT_URL, "/shops") },
    // Filtered and paged views are for people; search engines get the plain directory.
    ...(filtered ? { robots: { index: false, follow: true } } : {}),
  };
}

export default async function ShopsPage({ searchParams }: Props) {
  const input = parseDirectory(await searchParams);
  const [result, categories] = await Promise.all([
    getShopDirectory(input).catch((error: unknown) => {
      if (isBadRequest(error)) return null;
      throw error;
    }),
    getCategoryTree(),
  ]);
  return (
    <>
      <div className="mb-6 space-y-1">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Shops</h1>
        <p className="text-sm text-slate-600">Independent sellers on Bazaar{result ? ` · ${result.total} ${result.total === 1 ? "shop" : "shops"}` : ""}</p>
      </div>
      <AutoSubmitForm
        action="/shops"
        className="mb-6 grid gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-[1fr_12rem_10rem_auto] sm:items-end"
      >
        <div>
          <label htmlFor="shops-q" className="block text-sm font-medium text-slate-700">
            Shop name
          </label>
          <input
            id="shops-q"
            name="q"
            type="search"
            defaultValue={input.q}
            maxLength={100}
            placeholder="Search shops"
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <div>
          <label htmlFor="shops-category" className="block text-sm font-medium text-slate-700">
            Sells in
          </label>
          <select
            id="shops-category"
            name="category"
            defaultValue={input.category ?? ""}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            <option value="">Any category</option>
            {categories.map((category) => (
              <option key={category.id} value={category.slug}>
                {category.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="shops-sort" className="block text-sm font-medium text-slate-700">
            Sort by
          </label>
          <select
            id="shops-sort"
            name="sort"
            defaultValue={input.sort ?? "rating"}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            {SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          Search
        </button>
      </AutoSubmitForm>
      {!result || result.items.length === 0 ? (
        <EmptyState
          title="No shops match"
          description="Try another name or category."
          action={
            <Link href="/shops" className={buttonClasses("secondary")}>
              See all shops
            </Link>
          }
        />
      ) : (
        <>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Shops" data-testid="shop-directory">
            {result.items.map((shop) => (
              <li
                key={shop.id}
                className="relative flex flex-col gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 focus-within:ring-2 focus-within:ring-brand-500 hover:shadow-sm"
              >
                <div className="flex items-center gap-3">
                  <span className="flex size-11 shrink-0 items-center justify-center rounded-full bg-brand-50 text-brand-700">
                    <StoreIcon className="size-6" />
                  </span>
                  <div className="min-w-0">
                    <h2 className="truncate text-base font-semibold text-slate-900">
                      <Link href={`/shops/${shop.slug}`} className="after:absolute after:inset-0 focus-visible:outline-none">
                        {shop.shopName}
                      </Link>
                    </h2>
                    <RatingSummary ratingAvg={shop.ratingAvg} ratingCount={shop.ratingCount} />
                  </div>
                </div>
                {shop.description ? <p className="line-clamp-2 text-sm text-slate-700">{shop.description}</p> : null}
                <div className="grid grid-cols-3 gap-2" aria-hidden>
                  {[0, 1, 2].map((index) => {
                    const picture = shop.pictures[index];
                    return (
                      <div key={index} className="relative aspect-square overflow-hidden rounded-md bg-slate-100">
                        {picture ? <FillImage src={picture.url} alt="" /> : null}
                      </div>
                    );
                  })}
                </div>
                <p className="text-xs text-slate-600">
                  {shop.productCount} {shop.productCount === 1 ? "product" : "products"} · {shop.salesCount} sold
                </p>
              </li>
            ))}
          </ul>
          {result.pageCount > 1 ? (
            <nav aria-label="Pagination" className="mt-6 flex items-center justify-between">
              {result.page > 1 ? (
                <Link href={directoryHref(input, result.page - 1)} className={buttonClasses("secondary")}>
                  Previous
                </Link>
              ) : (
                <span />
              )}
              <span className="text-sm text-slate-600">
                Page {result.page} of {result.pageCount}
              </span>
              {result.page < result.pageCount ? (
                <Link href={directoryHref(input, result.page + 1)} className={buttonClasses("secondary")}>
                  Next
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
