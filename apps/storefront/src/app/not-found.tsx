import { EmptyState, LinkButton } from "@bazaar/ui";

export default function NotFound() {
  return (
    <EmptyState
      title="We could not find that page"
      description="The product may have been removed, or its shop may be closed. Search for something similar or start from the home page."
      action={
        <div className="flex flex-wrap justify-center gap-3">
          <LinkButton href="/search">Browse all products</LinkButton>
          <LinkButton href="/" variant="secondary">
            Home
          </LinkButton>
        </div>
      }
    />
  );
}
