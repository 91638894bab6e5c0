import { describe, expect, it } from "vitest";
import { buyerTimeline } from "./order-status";

const entry = (status: string, shipmentId: string | null = null) => ({ id: `${status}-${shipmentId ?? "order"}`, status, shipmentId });
const steps = [
  entry("PENDING_PAYMENT"),
  entry("PAID"),
  entry("CONFIRMED"),
  entry("PROCESSING", "a"),
  entry("PROCESSING"),
  entry("SHIPPED", "a"),
  entry("SHIPPED"),
  entry("DELIVERED", "a"),
  entry("DELIVERED"),
];

describe("the buyer's timeline", () => {
  it("lists each step once for a one-shop order", () => {
    expect(buyerTimeline(steps, 1).map((e) => e.label)).toEqual(["Payment processing", "Paid", "Confirmed", "Being packed", "Shipped", "Delivered"]);
  });

  it("says when every part of a several-shop order got there", () => {
    const two = [...steps.slice(0, 6), entry("SHIPPED", "b"), entry("SHIPPED"), entry("DELIVERED", "a"), entry("DELIVERED", "b"), entry("DELIVERED")];
    expect(buyerTimeline(two, 2).map((e) => e.label)).toEqual([
      "Payment processing",
      "Paid",
      "Confirmed",
      "Being packed",
      "Shipped",
      "Shipped",
      "Every part shipped",
      "Delivered",
      "Delivered",
      "Every part delivered",
    ]);
  });

  it("keeps a cancellation", () => {
    expect(buyerTimeline([entry("PENDING_PAYMENT"), entry("CANCELLED")], 1).map((e) => e.label)).toEqual(["Payment processing", "Cancelled"]);
  });
});
