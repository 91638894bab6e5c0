import { EmptyState, LinkButton } from "@bazaar/ui";

export default function NotFound() {
  return (
    <EmptyState
      title="Not found"
      description="There is nothing here, or it belongs to another shop. Check the address, or start again from your dashboard."
      action={<LinkButton href="/">Go to the dashboard</LinkButton>}
    />
  );
}
