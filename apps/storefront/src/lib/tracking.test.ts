import { describe, expect, it } from "vitest";
import { trackingUrl } from "./tracking";

describe("trackingUrl", () => {
  it("links the carriers sellers name, however they write them", () => {
    expect(trackingUrl("UPS", "1Z999AA10123456784")).toBe("https://www.ups.com/track?tracknum=1Z999AA10123456784");
    expect(trackingUrl("ups ground", "1Z1")).toContain("ups.com");
    expect(trackingUrl("FedEx", "123")).toContain("fedex.com");
    expect(trackingUrl("USPS", "9400")).toContain("usps.com");
    expect(trackingUrl("DHL Express", "55")).toContain("dhl.com");
  });
  it("gives no link for an unknown carrier or none", () => {
    expect(trackingUrl("Bob's Couriers", "1")).toBeNull();
    expect(trackingUrl(null, "1")).toBeNull();
  });
  it("escapes what the seller typed", () => {
    expect(trackingUrl("UPS", "a b&c")).toBe("https://www.ups.com/track?tracknum=a%20b%26c");
  });
});
