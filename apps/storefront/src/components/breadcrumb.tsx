import Link from "next/link";

/** Home, then each category down to the current one: listings and product pages show the same trail. */
export function Breadcrumb({ trail, className }: { trail: { id: string; slug: string; name: string }[]; className?: string }) {
  return (
    <nav aria-label="Breadcrumb" className={`text-sm text-slate-600 ${className ?? ""}`}>
      <ol className="flex flex-wrap gap-1">
        <li>
          <Link href="/" className="hover:underline">
            Home
          </Link>
        </li>
        {trail.map((category) => (
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
