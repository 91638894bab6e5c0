/** An order's shipping address (stored as JSON) as lines for a message, skipping empty parts. */
export function addressLines(address: unknown): string[] {
  if (typeof address !== "object" || address === null) return [];
  const a = address as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
  const cityLine = [text(a.postalCode), text(a.city)].filter(Boolean).join(" ");
  return [text(a.fullName), text(a.line1), text(a.line2), cityLine || null, text(a.region), text(a.country)].filter((part): part is string => part !== null);
}
