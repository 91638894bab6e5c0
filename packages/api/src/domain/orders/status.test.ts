import { describe, expect, it } from "vitest";
import type { OrderStatus, ShipmentStatus } from "@bazaar/db";
import { canTransitionOrder, canTransitionShipment, isCancellableByBuyer, nextOrderStatus, ORDER_TRANSITIONS, orderStatusFromShipments } from "./status";

describe("order transitions", () => {
  it("follows the happy path", () => {
    const path: OrderStatus[] = ["PENDING_PAYMENT", "PAID", "CONFIRMED", "PROCESSING", "SHIPPED", "DELIVERED"];
    for (let i = 1; i < path.length; i++) expect(canTransitionOrder(path[i - 1]!, path[i]!)).toBe(true);
  });

  it("goes through PAYMENT_FAILED to CANCELLED, and nowhere else", () => {
    expect(canTransitionOrder("PENDING_PAYMENT", "PAYMENT_FAILED")).toBe(true);
    expect(ORDER_TRANSITIONS.PAYMENT_FAILED).toEqual(["CANCELLED"]);
  });

  it("never leaves a final state and never goes back", () => {
    expect(ORDER_TRANSITIONS.DELIVERED).toEqual([]);
    expect(ORDER_TRANSITIONS.CANCELLED).toEqual([]);
    expect(canTransitionOrder("PAID", "PENDING_PAYMENT")).toBe(false);
    expect(canTransitionOrder("SHIPPED", "PROCESSING")).toBe(false);
    expect(canTransitionOrder("CONFIRMED", "PAID")).toBe(false);
  });

  it("cannot cancel what has shipped", () => {
    expect(canTransitionOrder("SHIPPED", "CANCELLED")).toBe(false);
    expect(isCancellableByBuyer("PROCESSING", ["PROCESSING", "SHIPPED"])).toBe(false);
    expect(isCancellableByBuyer("PROCESSING", ["PROCESSING", "PENDING"])).toBe(true);
    expect(isCancellableByBuyer("PENDING_PAYMENT", ["PENDING"])).toBe(true);
    expect(isCancellableByBuyer("CANCELLED", ["CANCELLED"])).toBe(false);
  });
});

describe("shipment transitions", () => {
  it("may skip processing but never deliver what has not shipped", () => {
    expect(canTransitionShipment("PENDING", "SHIPPED")).toBe(true);
    expect(canTransitionShipment("PENDING", "DELIVERED")).toBe(false);
    expect(canTransitionShipment("PROCESSING", "DELIVERED")).toBe(false);
    expect(canTransitionShipment("SHIPPED", "CANCELLED")).toBe(false);
  });
});

describe("orderStatusFromShipments", () => {
  const cases: [ShipmentStatus[], OrderStatus][] = [
    [["PENDING", "PENDING"], "CONFIRMED"],
    [["PROCESSING", "PENDING"], "PROCESSING"],
    [["SHIPPED", "PENDING"], "PROCESSING"],
    [["SHIPPED", "SHIPPED"], "SHIPPED"],
    [["DELIVERED", "SHIPPED"], "SHIPPED"],
    [["DELIVERED", "DELIVERED"], "DELIVERED"],
    [["DELIVERED", "CANCELLED"], "DELIVERED"],
    [["CANCELLED", "CANCELLED"], "CANCELLED"],
    [["PENDING", "CANCELLED"], "CONFIRMED"],
  ];
  it.each(cases)("%j -> %s", (shipments, expected) => expect(orderStatusFromShipments(shipments)).toBe(expected));

  it("moves a confirmed order only forward, and only along the table", () => {
    const all: ShipmentStatus[] = ["PENDING", "PROCESSING", "SHIPPED", "DELIVERED", "CANCELLED"];
    const step = (from: ShipmentStatus, to: ShipmentStatus) => from === to || canTransitionShipment(from, to);
    for (const a of all)
      for (const b of all)
        for (const c of all)
          for (const d of all) {
            if (!step(a, c) || !step(b, d)) continue;
            const current = orderStatusFromShipments([a, b]);
            if (current === "CANCELLED") continue;
            const next = nextOrderStatus(current, [c, d]);
            if (next) expect([current, next, canTransitionOrder(current, next)]).toEqual([current, next, true]);
          }
  });

  it("stays put when a started part is cancelled", () => {
    expect(nextOrderStatus("PROCESSING", ["CANCELLED", "PENDING"])).toBeNull();
    expect(nextOrderStatus("PROCESSING", ["SHIPPED", "CANCELLED"])).toBe("SHIPPED");
    expect(nextOrderStatus("CONFIRMED", ["CANCELLED", "CANCELLED"])).toBe("CANCELLED");
    expect(nextOrderStatus("SHIPPED", ["CANCELLED", "SHIPPED"])).toBeNull();
  });
});
