import { describe, expect, it } from "vitest";
import { breadcrumbJsonLd, jsonLdText, productJsonLd, webSiteJsonLd } from "./seo";

const base = "https://shop.example.com";
const product = {
  slug: "desk-lamp",
  name: "Desk Lamp",
  description: "A lamp.",
  sku: "LAMP-1",
  priceCents: 4999,
  currency: "USD",
  ratingAvg: 4.25,
  ratingCount: 8,
  images: [{ url: "/media/lamp.jpg", alt: "Lamp" }],
  seller: { shopName: "Oak & Ember", slug: "oak-ember" },
};

describe("schema.org data", () => {
  it("describes a product with an offer in decimal currency units, its availability and its rating", () => {
    expect(productJsonLd(base, product, "low")).toMatchObject({
      "@type": "Product",
      url: "https://shop.example.com/products/desk-lamp",
      image: ["https://shop.example.com/media/lamp.jpg"],
      offers: { "@type": "Offer", price: "49.99", priceCurrency: "USD", availability: "https://schema.org/LimitedAvailability" },
      aggregateRating: { ratingValue: "4.3", reviewCount: 8 },
    });
  });

  it("gives each variant its own offer, in an AggregateOffer with the price range when prices differ", () => {
    const variants = [
      { sku: "LAMP-S", title: "Small", priceCents: 4999, availability: "in_stock" as const, query: "Size=Small" },
      { sku: "LAMP-L", title: "Large", priceCents: 6999, availability: "out" as const, query: "Size=Large" },
    ];
    const offers = productJsonLd(base, product, "in_stock", variants).offers;
    expect(offers).toMatchObject({
      "@type": "AggregateOffer",
      lowPrice: "49.99",
      highPrice: "69.99",
      offerCount: 2,
      priceCurrency: "USD",
      offers: [
        {
          "@type": "Offer",
          sku: "LAMP-S",
          price: "49.99",
          url: "https://shop.example.com/products/desk-lamp?Size=Small",
          availability: "https://schema.org/InStock",
        },
        {
          "@type": "Offer",
          sku: "LAMP-L",
          price: "69.99",
          url: "https://shop.example.com/products/desk-lamp?Size=Large",
          availability: "https://schema.org/OutOfStock",
        },
      ],
    });
  });

  it("lists variants of one price as plain offers, and a product with one variant as one offer", () => {
    const variants = [
      { sku: "LAMP-B", title: "Black", priceCents: 4999, availability: "in_stock" as const, query: "Colour=Black" },
      { sku: "LAMP-W", title: "White", priceCents: 4999, availability: "low" as const, query: "Colour=White" },
    ];
    expect(productJsonLd(base, product, "in_stock", variants).offers).toMatchObject([
      { "@type": "Offer", sku: "LAMP-B", price: "49.99" },
      { "@type": "Offer", sku: "LAMP-W", price: "49.99", availability: "https://schema.org/LimitedAvailability" },
    ]);
    expect(productJsonLd(base, product, "in_stock", [{ ...variants[0]!, title: "", query: "" }]).offers).toMatchObject({
      "@type": "Offer",
      url: "https://shop.example.com/products/desk-lamp",
    });
  });

  it("leaves the rating out when nobody has reviewed the product", () => {
    expect(productJsonLd(base, { ...product, ratingAvg: null, ratingCount: 0 }, "out")).not.toHaveProperty("aggregateRating");
  });

  it("numbers breadcrumbs from 1 with absolute URLs", () => {
    expect(
      breadcrumbJsonLd(base, [
        { name: "Home", path: "/" },
        { name: "Lamps", path: "/c/lamps" },
      ]).itemListElement,
    ).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: "https://shop.example.com/" },
      { "@type": "ListItem", position: 2, name: "Lamps", item: "https://shop.example.com/c/lamps" },
    ]);
  });

  it("offers the site search to search engines", () => {
    expect(webSiteJsonLd(base).potentialAction).toMatchObject({ target: { urlTemplate: "https://shop.example.com/search?q={search_term_string}" } });
  });

  it("cannot be closed early by text inside it", () => {
    expect(jsonLdText({ name: "</script><script>alert(1)</script>" })).not.toContain("</script>");
  });
});
