import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderEmail } from "./render";
import { templates, type TemplateName, type TemplateProps } from "./templates";

const lines = [{ name: "Walnut desk lamp", quantity: 2, amountCents: 9800 }];
const samples: { [N in TemplateName]: TemplateProps<N> } = {
  "order-confirmation": {
    buyerName: "Ada",
    orderNumber: 1042,
    orderUrl: "http://localhost:3000/orders/o1",
    currency: "USD",
    lines: lines.map((line) => ({ ...line, shopName: "Oak & Ember Home" })),
    totals: [
      { label: "Subtotal", cents: 9800 },
      { label: "Total", cents: 10399 },
    ],
    shipTo: ["Ada Lovelace", "1 Market Street"],
  },
  "new-order": {
    shopName: "Oak & Ember Home",
    orderNumber: 1042,
    shipmentUrl: "http://localhost:3001/orders/s1",
    currency: "USD",
    lines,
    totals: [{ label: "Order total", cents: 10399 }],
    shipTo: ["Ada Lovelace"],
  },
  "shipment-update": {
    buyerName: "Ada",
    orderNumber: 1042,
    shopName: "Oak & Ember Home",
    status: "SHIPPED",
    carrier: "UPS",
    trackingNumber: "1Z999",
    items: ["2 × Walnut desk lamp"],
    orderUrl: "http://localhost:3000/orders/o1",
  },
  "low-stock": {
    shopName: "Oak & Ember Home",
    productName: "Walnut desk lamp",
    sku: "L-1",
    warehouseName: "Main",
    available: 1,
    threshold: 5,
    stockUrl: "http://x/p",
  },
  "back-in-stock": {
    buyerName: "Ada",
    productName: "Canvas Tote — Sand",
    shopName: "Oak & Ember Home",
    price: "$24.00",
    productUrl: "http://localhost:3000/products/canvas-tote?Colour=Sand",
    wishlistUrl: "http://localhost:3000/account/wishlist",
  },
  "shop-message": {
    shopName: "Oak & Ember Home",
    from: "Ada (ada@example.com)",
    subject: "Lamp shade sizes",
    message: "Does the lamp take a 30 cm shade?",
    notificationsUrl: "http://localhost:3001/notifications",
  },
  "cart-reminder": { buyerName: "Ada", cartUrl: "http://localhost:3000/cart", currency: "USD", lines, subtotalCents: 9800 },
  "payout-paid": { shopName: "Oak & Ember Home", amountCents: 123456, currency: "USD", transferId: "tr_1", payoutsUrl: "http://localhost:3001/payouts" },
  "system-alert": {
    change: "opened",
    label: "Order failure rate",
    message: "Order failure rate is 9.5% (threshold: at most 0.50%).",
    describe: "Orders whose payment failed, of orders placed, above 0.5%",
    value: "9.5%",
    peak: "9.5%",
    threshold: "0.50%",
    openedAt: "2026-12-05T04:00:00.000Z",
    resolvedAt: null,
    healthUrl: "http://localhost:3002/system-health",
  },
  "verify-email": { name: "Ada", verifyUrl: "http://localhost:3000/verify-email?token=abc", seller: true },
  "password-reset": { name: null, resetUrl: "http://localhost:3000/reset-password?token=abc" },
  "tier-changed": {
    buyerName: "Ada",
    tierName: "Silver",
    direction: "up",
    benefits: ["3% off every item", "×1.25 points on what you buy"],
    progress: "Spend $800.00 more within 12 months to reach Gold.",
    rewardsUrl: "http://localhost:3000/account/rewards",
  },
  notice: {
    subject: "Refund of $12.00 on order #1042",
    heading: "$12.00 is on its way back to you",
    paragraphs: ["We refunded $12.00 on order #1042."],
    lines: ["1 × Walnut desk lamp"],
    action: { label: "See your order", url: "http://localhost:3000/orders/o1" },
  },
};

describe("email templates", () => {
  it.each(Object.keys(templates) as TemplateName[])("renders %s to a subject, HTML and plain text", async (name) => {
    const email = await renderEmail(name, samples[name] as never);
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.text).not.toContain("<");
    expect(email.text.length).toBeGreaterThan(40);
  });

  it("formats money and tracking for people", async () => {
    expect((await renderEmail("payout-paid", samples["payout-paid"])).subject).toBe("Payout sent: $1,234.56");
    expect((await renderEmail("shipment-update", samples["shipment-update"])).text).toContain("Tracking: UPS 1Z999");
  });

  it("renders in the worker's runtime too (tsx from the repository root, no package tsconfig)", () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
    const script = `import { renderEmail } from "./packages/api/src/mail/render.ts";
      const email = await renderEmail("cart-reminder", ${JSON.stringify(samples["cart-reminder"])});
      process.stdout.write(email.subject);`;
    const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
    expect(output).toBe("You left something in your Bazaar cart");
  }, 60_000);
});
