/**
 * A URL slug from a name: "Oak & Ember Home" -> "oak-ember-home", accents dropped, at most
 * `maxLength` characters and never ending in a dash. Used for shops, categories and products.
 */
export function slugify(name: string, maxLength = 80): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
}
