/** A stored shipping address (JSON) as lines; unknown shapes give what they can. */
export function addressLines(json: unknown): string[] {
  const a = (json && typeof json === "object" ? json : {}) as Record<string, unknown>;
  const s = (key: string) => {
    const value = a[key];
    return typeof value === "string" && value.trim() ? value.trim() : null;
  };
  const cityLine = [s("postalCode"), s("city")].filter(Boolean).join(" ");
  return [s("fullName"), s("line1"), s("line2"), [cityLine, s("region")].filter(Boolean).join(", "), s("country"), s("phone")].filter((line): line is string =>
    Boolean(line),
  );
}
