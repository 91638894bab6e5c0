import Link from "next/link";

/** Home, then each category from the top down to (not including) the page's own heading. */
export function Breadcrumbs({ categories, className }: { categories: { id: string; slug: string; name: string }[]; className: string }) {
  return (
    <nav aria-label="Breadcrumb" className={`${className} text-sm text-slate-600`}>
      <ol className="flex flex-wrap gap-1">
        <li>
          <Link href="/" className="hover:underline">
            Home
          </Link>
        </li>
        {categories.map((category) => (
          <li key={category.id}>
            <span aria-hidden>/ </span>
            <Link href={`/c/${category.slug}`} className="hover:underline">
              {category.name}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
