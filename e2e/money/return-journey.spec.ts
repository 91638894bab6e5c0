import { expect as baseExpect } from "@playwright/test";
import { adminPage, approvedShop, paidOrder, stockOf } from "../admin/helpers";
import { pngSquare } from "../seller/images";
import { ok, trpcMutation, trpcQuery } from "../seller/trpc";
import { appUrl, emailText, expectAccessible, test } from "../support";
import { guestPaidOrder, orderLines, paidFor, shipAndDeliver, usd } from "./helpers";

// Three production servers, PostgreSQL and the worker share two cores with other runs: give each step room.
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 300_000 });

// A return from request to refund, through the pages of both sides: the buyer (on a 375 px phone)
// returns one item of a delivered two-item order, the seller approves it, the buyer sends it, the
// seller receives it back into stock, and the buyer sees the refund on the order and in the mail.
test("a buyer returns one item of a delivered order; the seller restocks it and the buyer is refunded", async ({ browser }) => {
  const admin = await adminPage(browser);
  const suffix = Date.now().toString(36);
  const shop = await approvedShop(browser, admin, [
    { name: `Return Lamp ${suffix}`, priceCents: 2000, units: 5 },
    { name: `Return Vase ${suffix}`, priceCents: 3000, units: 5 },
  ]);
  const [lamp, vase] = shop.products as [(typeof shop.products)[0], (typeof shop.products)[0]];
  const order = await paidOrder(
    browser,
    [
      { productId: lamp.id, quantity: 1 },
      { productId: vase.id, quantity: 1 },
    ],
    { viewport: { width: 375, height: 812 } },
  );
  await shipAndDeliver(shop.sellerPage, order.orderNumber);
  expect(await stockOf(shop.sellerPage, lamp.id)).toMatchObject({ onHand: 4 });
  // What the lamp cost the buyer (its price with its share of discount and tax) is what comes back.
  const refund = usd(paidFor((await orderLines(order.buyerPage, order.orderId)).find((i) => i.name === lamp.name)!));

  // 1. The buyer asks to return the lamp.
  const buyer = order.buyerPage;
  await buyer.goto(appUrl("storefront", `/account/orders/${order.orderId}`));
  const part = buyer.getByTestId("shipment").filter({ hasText: lamp.name });
  await expect(part.getByText("Delivered", { exact: true })).toBeVisible();
  await part.getByRole("button", { name: "Return items" }).click();
  const form = buyer.getByRole("form", { name: "Return items" });
  await form.getByLabel(`Units of ${lamp.name} to return`).selectOption("1");
  await form.getByLabel("Why are you returning it?").fill("The shade arrived cracked");
  // A photo of the damage (a GIF is refused before anything is sent; the server checks the PNG's bytes).
  const photos = form.getByLabel("Photos (optional)");
  await photos.setInputFiles({ name: "anim.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") });
  await form.getByRole("button", { name: "Ask for a return" }).click();
  await expect(form).toContainText('"anim.gif" is not a photo Bazaar takes: attach JPEG, PNG or WebP images.');
  await photos.setInputFiles({ name: "cracked-shade.png", mimeType: "image/png", buffer: pngSquare(48, [200, 60, 60]) });
  await expectAccessible(buyer, "the return request form");
  expect(await buyer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await form.getByRole("button", { name: "Ask for a return" }).click();
  const request = buyer.getByTestId("return");
  await expect(request).toContainText("Requested");
  await expect(request).toContainText(`1 × ${lamp.name}`);
  await expect(request).not.toContainText(vase.name);

  // 2. The seller approves it with instructions.
  const seller = shop.sellerPage;
  await seller.goto(appUrl("seller", "/returns"));
  const row = seller.getByTestId("return-row").filter({ hasText: `order #${order.orderNumber}` });
  await expect(row).toContainText("The shade arrived cracked");
  const photo = row.getByRole("list", { name: /^Photos of return #/ }).getByRole("img", { name: "Photo 1 of 1 from the buyer" });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
  await expectAccessible(seller, "the seller's returns page");
  // Instructions and a reject reason are separate fields, each checked on its own.
  await row.getByRole("button", { name: "Reject" }).click();
  await expect(row.getByRole("form", { name: /^Reject return/ })).toContainText("Give a reason (at least 3 characters).");
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(row.getByRole("form", { name: /^Approve return/ })).toContainText("Tell the buyer how and where to send the items.");
  await expectAccessible(seller, "the seller's returns page with both fields' errors");
  await row.getByLabel("Return instructions").fill("Send it to 1 Workshop Lane, Portland, with the order number inside.");
  await row.getByRole("button", { name: "Approve" }).click();
  await expect(row).toContainText("approved");

  // 3. The buyer sends it back with tracking.
  await buyer.reload();
  await expect(request).toContainText("Approved: send it back");
  await expect(request).toContainText("How to send it: Send it to 1 Workshop Lane");
  const sent = request.getByRole("form", { name: "Mark the return as sent" });
  await sent.getByLabel("Carrier").fill("USPS");
  await sent.getByLabel("Tracking number").fill(`RET${suffix}`.toUpperCase());
  await sent.getByRole("button", { name: "I sent it" }).click();
  await expect(request).toContainText("On its way back");

  // 4. The seller receives it back into stock: the buyer is refunded.
  await seller.reload();
  await expect(row).toContainText(`Sent with USPS: ${`RET${suffix}`.toUpperCase()}`);
  await expect(row.getByLabel(`What happens to ${lamp.name}`)).toHaveValue(/^restock:/);
  await row.getByRole("button", { name: "Received: refund the buyer" }).click();
  await expect(row).toContainText("received");
  expect(await stockOf(seller, lamp.id)).toMatchObject({ onHand: 5 });
  expect(await stockOf(seller, vase.id)).toMatchObject({ onHand: 4 });

  // 5. The buyer sees the refund on the order page and in their mailbox.
  await buyer.reload();
  await expect(request).toContainText("Received and refunded");
  await expect(request).toContainText(`Refunded ${refund}`);
  await expect(buyer.getByRole("complementary", { name: "Order summary" })).toContainText(`Refunded: ${refund}`);
  const mail = await emailText(admin, order.buyer.email, `Refund of ${refund} on order #${order.orderNumber}`);
  expect(mail).toContain(`1 × ${lamp.name}`);
  expect(mail).not.toContain(vase.name);
});

// A guest has no account: the order link from their email (`/orders/<id>?token=…`) is their key,
// to ask for a return and to mark it sent, on a phone.
test("a guest returns an item with the order link from their email", async ({ browser }) => {
  const admin = await adminPage(browser);
  const suffix = Date.now().toString(36);
  const shop = await approvedShop(browser, admin, [{ name: `Guest Mug ${suffix}`, priceCents: 1500, units: 4 }]);
  const mug = shop.products[0]!;
  const order = await guestPaidOrder(browser, [{ productId: mug.id, quantity: 2 }], { viewport: { width: 375, height: 812 } });
  await shipAndDeliver(shop.sellerPage, order.orderNumber);

  const guest = order.page;
  await guest.goto(appUrl("storefront", `/orders/${order.orderId}?token=${order.accessToken}`));
  await expect(guest.getByText(`Guest order · emails go to ${order.email}`)).toBeVisible();
  const part = guest.getByTestId("shipment").filter({ hasText: mug.name });
  await part.getByRole("button", { name: "Return items" }).click();
  const form = guest.getByRole("form", { name: "Return items" });
  await form.getByLabel(`Units of ${mug.name} to return`).selectOption("1");
  await form.getByLabel("Why are you returning it?").fill("One is enough");
  await form.getByRole("button", { name: "Ask for a return" }).click();
  const request = guest.getByTestId("return");
  await expect(request).toContainText("Requested");
  await expect(request).toContainText(`1 × ${mug.name}`);

  // The shop approves (through its console's API); the guest sends it back.
  const returns = await ok<{ items: { id: string; order: { number: number } }[] }>(
    trpcQuery(shop.sellerPage.request, "seller", "returns.sellerList", { limit: 50 }),
  );
  const asked = returns.items.find((r) => r.order.number === order.orderNumber)!;
  await ok(trpcMutation(shop.sellerPage.request, "seller", "returns.approve", { returnId: asked.id, instructions: "Post it to 1 Workshop Lane, Portland." }));
  await guest.reload();
  await expect(request).toContainText("How to send it: Post it to 1 Workshop Lane");
  const sent = request.getByRole("form", { name: "Mark the return as sent" });
  await sent.getByLabel("Carrier").fill("USPS");
  await sent.getByLabel("Tracking number").fill(`GST${suffix}`.toUpperCase());
  await expectAccessible(guest, "a guest's order page with a return to send");
  expect(await guest.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await sent.getByRole("button", { name: "I sent it" }).click();
  await expect(request).toContainText("On its way back");

  // The link is the key: without it the same call is refused.
  const stranger = await (await browser.newContext()).newPage();
  const refused = await trpcMutation(stranger.request, "storefront", "returns.markSent", { returnId: asked.id, carrier: "USPS", trackingNumber: "STRANGER1" });
  expect(refused.error?.code).toBe("UNAUTHORIZED");
});
