import Link from "next/link";
import { EmptyState, buttonClasses } from "@bazaar/ui";

export default function NotFound() {
  return (
    <EmptyState
      title="Not found"
      description="That page or record does not exist, or was deleted."
      action={
        <Link href="/" className={buttonClasses("secondary")}>
          Back to the overview
        </Link>
      }
    />
  );
}
