import { Badge } from "@bazaar/ui";

export type Availability = "in_stock" | "low" | "out";

/** "In stock", "Only 3 left" or "Out of stock": the same words on cards, product page and cart. */
export function availabilityLabel(availability: Availability, available: number): string {
  if (availability === "out") return "Out of stock";
  if (availability === "low") return `Only ${available} left`;
  return "In stock";
}

export function AvailabilityBadge({ availability, available, testId = "availability" }: { availability: Availability; available: number; testId?: string }) {
  const tone = availability === "out" ? "danger" : availability === "low" ? "warning" : "success";
  return (
    <Badge tone={tone} data-testid={testId}>
      {availabilityLabel(availability, available)}
    </Badge>
  );
}
