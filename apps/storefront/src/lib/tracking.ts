// The carrier's own tracking page for a shipment, where we know the carrier; sellers type the
// carrier's name freely, so it is matched loosely ("UPS", "ups ground", "Royal Mail").
const CARRIERS: { pattern: RegExp; url: (number: string) => string }[] = [
  { pattern: /\bups\b/i, url: (n) => `https://www.ups.com/track?tracknum=${n}` },
  { pattern: /\busps\b|postal service/i, url: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}` },
  { pattern: /fed\s?ex/i, url: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}` },
  { pattern: /\bdhl\b/i, url: (n) => `https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=${n}` },
  { pattern: /royal mail/i, url: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}` },
  { pattern: /canada post/i, url: (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=${n}` },
];

/** The tracking page's address, or null for a carrier we do not know. */
export function trackingUrl(carrier: string | null, trackingNumber: string): string | null {
  if (!carrier) return null;
  const known = CARRIERS.find((entry) => entry.pattern.test(carrier));
  return known ? known.url(encodeURIComponent(trackingNumber.trim())) : null;
}
