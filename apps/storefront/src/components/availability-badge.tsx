import { Badge } from "@bazaar/ui";

export type Availability = "in_stock" | "low" | "out";

/**
 * "In stock", "Only 3 left" or "Out of stock": the same words on cards, product page and cart.
 * With a variant's title the scarce cases name it ("Only 2 left in M / Blue").
 */
export function availabilityLabel(availability: Availability, available: number, variantTitle = ""): string {
  const within = variantTitle ? ` in ${variantTitle}` : "";
  if (availability === "out") return `Out of stock${within}`;
  if (availability === "low") return `Only ${available} left${within}`;
  return "In stock";
}

export function AvailabilityBadge({
  availability,
  available,
  variantTitle,
  testId = "availability",
}: {
  availability: Availability;
  available: number;
  variantTitle?: string;
  testId?: string;
}) {
  const tone = availability === "out" ? "danger" : availability === "low" ? "warning" : "success";
  return (
    <Badge tone={tone} data-testid={testId}>
      {availabilityLabel(availability, available, variantTitle)}
    </Badge>
  );
}
