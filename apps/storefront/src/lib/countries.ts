/** Where Bazaar's shops ship to, for address forms (ISO 3166-1 alpha-2). */
export const COUNTRIES = [
  { code: "US", name: "United States" },
  { code: "CA", name: "Canada" },
  { code: "GB", name: "United Kingdom" },
  { code: "DE", name: "Germany" },
  { code: "FR", name: "France" },
  { code: "NL", name: "Netherlands" },
  { code: "IE", name: "Ireland" },
  { code: "ES", name: "Spain" },
  { code: "IT", name: "Italy" },
  { code: "AU", name: "Australia" },
] as const;

export const countryName = (code: string) => COUNTRIES.find((c) => c.code === code)?.name ?? code;
