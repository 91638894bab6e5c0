import Link from "next/link";
import { buttonClasses } from "@bazaar/ui";
import { withParams, type SearchParams } from "~/lib/search-params";

/**
 * Cursor pages: "Next page" carries the last row's id; "First page" drops it. Cursor APIs
 * cannot go back a page, so the way back is the browser's back button or the first page.
 */
export function Pager({
  path,
  params,
  nextCursor,
  label,
}: {
  path: string;
  params: SearchParams;
  nextCursor: string | null;
  label: string;
}) {
  const onLaterPage = Boolean(params.cursor);
  if (!nextCursor && !onLaterPage) return null;
  return (
    <nav
      aria-label={`${label} pages`}
      className="mt-4 flex flex-wrap justify-between gap-2"
    >
      {onLaterPage ? (
        <Link
          href={withParams(path, params, { cursor: undefined })}
          className={buttonClasses("secondary", "sm")}
        >
          First page
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link
          href={withParams(path, params, { cursor: nextCursor })}
          className={buttonClasses("secondary", "sm")}
        >
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
