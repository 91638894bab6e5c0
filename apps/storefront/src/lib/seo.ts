// What search engines and link previews read: absolute URLs from the configured public base,
// and typed schema.org data (schema-dts), so a wrong field name fails the typecheck.
import type { Availability } from "@bazaar/api/domain/inventory/constants";
import type { BreadcrumbList, ItemAvailability, ItemList, Offer, Organization, Product, SearchAction, WebSite, WithContext } from "schema-dts";

export interface SeoProduct {
  slug: string;
  name: string;
  description: string;
  sku: string;
  priceCents: number;
  currency: string;
  ratingAvg: number | null;
  ratingCount: number;
  images: { url: string; alt: string }[];
  seller: { shopName: string; slug: string };
}

/** One variant of a product, as its offer: `query` selects it on the product page ("Size=M&Colour=Blue"). */
export interface SeoVariant {
  sku: string;
  title: string;
  priceCents: number;
  availability: Availability;
  query: string;
}

/** An absolute URL on the storefront's public base (STOREFRONT_URL). */
export function absoluteUrl(base: string, path: string): string {
  return new URL(path, base).toString();
}

const price = (cents: number) => (cents / 100).toFixed(2);

const AVAILABILITY: Record<Availability, ItemAvailability> = {
  in_stock: "https://schema.org/InStock",
  low: "https://schema.org/LimitedAvailability",
  out: "https://schema.org/OutOfStock",
};

/**
 * The product with one offer, or with one offer per variant when it has several: inside an
 * AggregateOffer (lowest and highest price) when their prices differ.
 */
export function productJsonLd(base: string, product: SeoProduct, availability: Availability, variants: SeoVariant[] = []): WithContext<Product> {
  const url = absoluteUrl(base, `/products/${product.slug}`);
  const seller: Organization = { "@type": "Organization", name: product.seller.shopName, url: absoluteUrl(base, `/shops/${product.seller.slug}`) };
  const variantOffers: Offer[] = variants.map((variant) => ({
    "@type": "Offer",
    name: variant.title,
    sku: variant.sku,
    url: variant.query ? `${url}?${variant.query}` : url,
    price: price(variant.priceCents),
    priceCurrency: product.currency,
    availability: AVAILABILITY[variant.availability],
    seller,
  }));
  const prices = variants.map((variant) => variant.priceCents);
  const offers: Product["offers"] =
    variants.length < 2
      ? { "@type": "Offer", url, price: price(product.priceCents), priceCurrency: product.currency, availability: AVAILABILITY[availability], seller }
      : Math.min(...prices) === Math.max(...prices)
        ? variantOffers
        : {
            "@type": "AggregateOffer",
            lowPrice: price(Math.min(...prices)),
            highPrice: price(Math.max(...prices)),
            offerCount: variants.length,
            priceCurrency: product.currency,
            availability: AVAILABILITY[availability],
            offers: variantOffers,
          };
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    description: product.description,
    sku: product.sku,
    url,
    image: product.images.map((image) => absoluteUrl(base, image.url)),
    brand: { "@type": "Brand", name: product.seller.shopName },
    offers,
    ...(product.ratingCount > 0 && product.ratingAvg !== null
      ? {
          aggregateRating: {
            "@type": "AggregateRating",
            ratingValue: product.ratingAvg.toFixed(1),
            reviewCount: product.ratingCount,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
  };
}

export function breadcrumbJsonLd(base: string, trail: { name: string; path: string }[]): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((crumb, index) => ({ "@type": "ListItem", position: index + 1, name: crumb.name, item: absoluteUrl(base, crumb.path) })),
  };
}

export function itemListJsonLd(base: string, products: { slug: string; name: string }[]): WithContext<ItemList> {
  return {
    "@context": "https://schema.org",
    "@type": "ItemList",
    itemListElement: products.map((product, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: product.name,
      url: absoluteUrl(base, `/products/${product.slug}`),
    })),
  };
}

export function organizationJsonLd(base: string): WithContext<Organization> {
  return { "@context": "https://schema.org", "@type": "Organization", name: "Bazaar", url: absoluteUrl(base, "/"), logo: absoluteUrl(base, "/icon.svg") };
}

/** The site with its search box, so a search engine can offer "search Bazaar" under the result. */
export function webSiteJsonLd(base: string): WithContext<WebSite> {
  const search: SearchAction & { "query-input": string } = {
    "@type": "SearchAction",
    target: { "@type": "EntryPoint", urlTemplate: `${absoluteUrl(base, "/search")}?q={search_term_string}` },
    "query-input": "required name=search_term_string",
  };
  return { "@context": "https://schema.org", "@type": "WebSite", name: "Bazaar", url: absoluteUrl(base, "/"), potentialAction: search };
}

/** schema.org data as a page embeds it: `<` escaped so no text can close the script element. */
export function jsonLdText(data: object): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
