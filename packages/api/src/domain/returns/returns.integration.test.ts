// Refunds by item and returns (RMA), on a real database through the tRPC callers, paying through
// the simulator and the real webhook route; return photos through the storefront's upload route
// into the local media store (a temporary UPLOAD_DIR).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { drainOutbox } from "../../events/drain";
import { randomBytes } from "node:crypto";
import { getEnv } from "../../env";
import { POST as uploadReturnPhoto } from "../../http/return-photos";
import { GET as getMedia } from "../../http/media";
import { createUploadTicket, UPLOAD_TICKET_HEADER } from "../../media/signing";
import type { MediaUploadResult } from "../../media/types";
import { useTemporaryUploadDir } from "../../testing/media";
import { callerFor } from "../../testing";
import { createAdmin, createBuyer, createProduct, createSeller, createWarehouse, shippingAddressInput, uniqueSuffix } from "../../testing/factories";
import { ledgerIsBalanced, payWithCard, placeOrder, shipAndDeliver, useDatabaseForHandlers } from "../../testing/payments";

let t: TestDatabase;
let adminId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
  adminId = (await createAdmin(t.db)).id;
});
afterAll(async () => t?.drop());

const onHand = async (productId: string) => (await t.db.stockLevel.aggregate({ where: { productId }, _sum: { onHand: true } }))._sum.onHand ?? 0;

/**
 * A paid order of two products from one seller (2 x mug, 1 x plate) and one product of a second
 * seller: a buyer's, or (`guest`) one placed with an email only, whose order link's token is `token`.
 */
async function paidOrder(options: { guest?: boolean } = {}) {
  const first = await createSeller(t.db);
  const second = await createSeller(t.db);
  const mug = (await createProduct(t.db, first.seller.id, { priceCents: 1200, stock: 10 })).product;
  const plate = (await createProduct(t.db, first.seller.id, { priceCents: 3000, stock: 10 })).product;
  const bowl = (await createProduct(t.db, second.seller.id, { priceCents: 2000, stock: 10 })).product;
  const lines = [
    { productId: mug.id, quantity: 2 },
    { productId: plate.id, quantity: 1 },
    { productId: bowl.id, quantity: 1 },
  ];
  const buyer = options.guest ? null : await createBuyer(t.db);
  const email = buyer?.email ?? `guest-${uniqueSuffix()}@example.test`;
  const placed = buyer ? await placeOrder(t.db, buyer.id, lines) : await placeGuestOrder(email, lines);
  await payWithCard(t.db, placed);
  const order = await t.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { items: true, shipments: true } });
  const partOf = (sellerId: string) => order.shipments.find((s) => s.sellerId === sellerId)!;
  const itemOf = (productId: string) => order.items.find((i) => i.productId === productId)!;
  return { first, second, mug, plate, bowl, buyer, email, token: placed.accessToken ?? null, order, partOf, itemOf };
}

/** A guest (a cart cookie, no account) checks these lines out with an email. */
async function placeGuestOrder(email: string, lines: { productId: string; quantity: number }[]) {
  const guest = await callerFor(t.db, null, { guestCartToken: randomBytes(24).toString("base64url") });
  for (const line of lines) await guest.cart.add(line);
  return guest.checkout.start({ idempotencyKey: `guest-${uniqueSuffix()}`, email, shippingAddress: shippingAddressInput() });
}

/**
 * The first seller's part of a paid order, shipped and delivered (at `deliveredAt`), with callers
 * for the buyer (or, for a guest's order, anyone: the token is their key), the seller and an
 * administrator, and `ask` for a return of one line.
 */
async function deliveredPart(options: { guest?: boolean; deliveredAt?: Date } = {}) {
  const w = await paidOrder(options);
  const part = w.partOf(w.first.seller.id);
  await shipAndDeliver(t.db, w.first.user.id, part.id, options.deliveredAt);
  const [buyer, seller, admin] = await Promise.all([callerFor(t.db, w.buyer?.id ?? null), callerFor(t.db, w.first.user.id), callerFor(t.db, adminId)]);
  const ask = (productId: string, quantity: number, reason = "Not as described") =>
    buyer.returns.request({ orderId: w.order.id, token: w.token, shipmentId: part.id, items: [{ orderItemId: w.itemOf(productId).id, quantity }], reason });
  return { ...w, part, buyer, seller, admin, ask };
}

describe("refunds by item and amount", () => {
  it("refund one unit of an unshipped line: the unit goes back on hand, the email names it, the ledger balances", async () => {
    const w = await paidOrder();
    const admin = await callerFor(t.db, adminId);
    const before = await onHand(w.mug.id);
    const result = await admin.orders.refundItems({
      orderId: w.order.id,
      shipmentId: w.partOf(w.first.seller.id).id,
      items: [{ orderItemId: w.itemOf(w.mug.id).id, quantity: 1 }],
      reason: "One mug was chipped",
      idempotencyKey: `k-${uniqueSuffix()}`,
    });
    expect(result.amountCents).toBe(1200);
    expect(result.restockedUnits).toBe(1);
    expect(await onHand(w.mug.id)).toBe(before + 1);
    expect(await t.db.orderItem.findUniqueOrThrow({ where: { id: w.itemOf(w.mug.id).id } })).toMatchObject({ refundedQuantity: 1 });
    expect(await t.db.refundItem.findMany({ where: { refundId: result.refundId }, select: { quantity: true } })).toEqual([{ quantity: 1 }]);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });

  it("a shipped line refunded does not create stock; refunding more units than are left is refused", async () => {
    const w = await paidOrder();
    await shipAndDeliver(t.db, w.first.user.id, w.partOf(w.first.seller.id).id);
    const admin = await callerFor(t.db, adminId);
    const before = await onHand(w.plate.id);
    await admin.orders.refundItems({
      orderId: w.order.id,
      shipmentId: w.partOf(w.first.seller.id).id,
      items: [{ orderItemId: w.itemOf(w.plate.id).id, quantity: 1 }],
      reason: "Arrived broken",
      idempotencyKey: `k-${uniqueSuffix()}`,
    });
    expect(await onHand(w.plate.id)).toBe(before);
    await expect(
      admin.orders.refundItems({
        orderId: w.order.id,
        shipmentId: w.partOf(w.first.seller.id).id,
        items: [{ orderItemId: w.itemOf(w.plate.id).id, quantity: 1 }],
        reason: "Again",
        idempotencyKey: `k-${uniqueSuffix()}`,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("has already been refunded") as unknown });
  });

  it("a seller refunds a custom amount on their own part, within the platform's limit; not another seller's part", async () => {
    const w = await paidOrder();
    const seller = await callerFor(t.db, w.first.user.id);
    const refunded = await seller.orders.refundItems({
      orderId: w.order.id,
      shipmentId: w.partOf(w.first.seller.id).id,
      amountCents: 500,
      reason: "Goodwill for the delay",
      idempotencyKey: `k-${uniqueSuffix()}`,
    });
    expect(refunded.amountCents).toBe(500);
    await expect(
      seller.orders.refundItems({
        orderId: w.order.id,
        shipmentId: w.partOf(w.second.seller.id).id,
        amountCents: 100,
        reason: "Not mine",
        idempotencyKey: `k-${uniqueSuffix()}`,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await (await callerFor(t.db, adminId)).admin.settings.update({ sellerRefundLimitCents: 300 });
    // The seller's refund form says the limit before they try.
    expect(await seller.orders.sellerRefundLimit()).toEqual({ limitCents: 300 });
    await expect(
      seller.orders.refundItems({
        orderId: w.order.id,
        shipmentId: w.partOf(w.first.seller.id).id,
        amountCents: 400,
        reason: "Too much",
        idempotencyKey: `k-${uniqueSuffix()}`,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "Sellers can refund at most $3.00 at once. Ask Bazaar support for a larger refund." });
    await (await callerFor(t.db, adminId)).admin.settings.update({ sellerRefundLimitCents: 50_000 });
    // The buyer cannot refund themselves.
    await expect(
      (await callerFor(t.db, w.buyer!.id)).orders.refundItems({
        orderId: w.order.id,
        shipmentId: w.partOf(w.first.seller.id).id,
        amountCents: 100,
        reason: "Refund myself",
        idempotencyKey: `k-${uniqueSuffix()}`,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("returns", () => {
  it("request, approve, send, receive with restock: one unit back in the chosen warehouse, refunded, timeline and state", async () => {
    const w = await deliveredPart();
    const spare = await createWarehouse(t.db, w.first.seller.id);
    const request = await w.ask(w.plate.id, 1, "Wrong colour");
    // The same unit cannot be asked for twice while the first return is open.
    await expect(w.ask(w.plate.id, 1, "Again")).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already refunded or in another return") as unknown,
    });
    // The other seller cannot touch it; the buyer cannot approve it.
    await expect((await callerFor(t.db, w.second.user.id)).returns.approve({ returnId: request.id, instructions: "Send it" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(w.buyer.returns.approve({ returnId: request.id, instructions: "Send it" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await w.seller.returns.approve({ returnId: request.id, instructions: "Post it to 1 Return Lane, Springfield" });
    await w.buyer.returns.markSent({ returnId: request.id, carrier: "USPS", trackingNumber: "RET123" });
    const before = await t.db.stockLevel.findUnique({ where: { variantId_warehouseId: { variantId: w.itemOf(w.plate.id).variantId, warehouseId: spare.id } } });
    const totalBefore = await onHand(w.plate.id);
    const received = await w.seller.returns.receive({
      returnId: request.id,
      items: [{ orderItemId: w.itemOf(w.plate.id).id, disposition: "RESTOCK", warehouseId: spare.id }],
    });
    expect(received).toMatchObject({ status: "RECEIVED", refundedCents: 3000 });
    expect(before).toBeNull();
    expect(
      await t.db.stockLevel.findUniqueOrThrow({ where: { variantId_warehouseId: { variantId: w.itemOf(w.plate.id).variantId, warehouseId: spare.id } } }),
    ).toMatchObject({
      onHand: 1,
    });
    expect(await onHand(w.plate.id)).toBe(totalBefore + 1);
    const order = await w.buyer.orders.get({ orderId: w.order.id });
    expect(order.refundedCents).toBe(3000);
    const history = await t.db.orderStatusHistory.findMany({
      where: { orderId: w.order.id, status: { startsWith: "RETURN_" } },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((h) => h.status)).toEqual(["RETURN_REQUESTED", "RETURN_APPROVED", "RETURN_SENT", "RETURN_RECEIVED"]);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
    // The seller's own steps are theirs to make: nothing in the audit log.
    expect(await t.db.auditLog.count({ where: { entityType: "ReturnRequest", entityId: request.id } })).toBe(0);

    // Each step reached the other side by mail; the refund mail names the amount and the item.
    await drainOutbox(t.db);
    const toBuyer = await t.db.email.findMany({ where: { to: w.email, template: "notice" }, orderBy: { createdAt: "asc" } });
    expect(toBuyer.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        `Return #${request.number} (order #${w.order.number}) is approved`,
        `Return #${request.number} (order #${w.order.number}) was received`,
        `Refund of $30.00 on order #${w.order.number}`,
      ]),
    );
    expect(toBuyer.find((m) => m.subject.startsWith("Refund"))?.text).toContain(`1 × ${w.plate.name}`);
    expect(toBuyer.find((m) => m.subject.endsWith("is approved"))?.text).toContain("1 Return Lane, Springfield");
    const toSeller = await t.db.email.findMany({ where: { to: w.first.seller.contactEmail, template: "notice" } });
    expect(toSeller.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        `Return #${request.number} (order #${w.order.number}): the buyer asks to return items`,
        `Return #${request.number} (order #${w.order.number}) is on its way back`,
      ]),
    );
  });

  it("a return received twice at the same moment is refunded and restocked once", async () => {
    const w = await deliveredPart();
    const request = await w.ask(w.mug.id, 2, "Too small");
    await w.seller.returns.approve({ returnId: request.id, instructions: "Any post office will do" });
    const before = await onHand(w.mug.id);
    const outcomes = await Promise.allSettled([
      w.seller.returns.receive({ returnId: request.id, items: [{ orderItemId: w.itemOf(w.mug.id).id, disposition: "RESTOCK" }] }),
      w.admin.returns.receive({ returnId: request.id, items: [{ orderItemId: w.itemOf(w.mug.id).id, disposition: "RESTOCK" }] }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toMatchObject({
      code: "CONFLICT",
      message: `Return #${request.number} is already received, so it cannot be received again.`,
    });
    expect(await onHand(w.mug.id)).toBe(before + 2);
    expect(await t.db.refund.count({ where: { payment: { orderId: w.order.id } } })).toBe(1);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });

  it("written-off units stay off the shelf; a rejected return refunds nothing; the window closes after the shop's days", async () => {
    const w = await deliveredPart({ deliveredAt: new Date(Date.now() - 40 * 24 * 3600_000) });
    await expect(w.ask(w.mug.id, 1, "Late")).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("accepts returns for 30 days after delivery") as unknown,
    });
    await t.db.seller.update({ where: { id: w.first.seller.id }, data: { returnWindowDays: 60 } });
    const rejected = await w.ask(w.mug.id, 1, "Meh");
    await w.seller.returns.reject({ returnId: rejected.id, reason: "Used items cannot be returned" });
    const kept = await w.ask(w.mug.id, 1, "Broken");
    await w.seller.returns.approve({ returnId: kept.id, instructions: "Send a photo and the mug" });
    const before = await onHand(w.mug.id);
    const received = await w.seller.returns.receive({ returnId: kept.id, items: [{ orderItemId: w.itemOf(w.mug.id).id, disposition: "WRITE_OFF" }] });
    expect(received.refundedCents).toBe(1200);
    expect(await onHand(w.mug.id)).toBe(before);
    expect(await t.db.returnRequest.findUniqueOrThrow({ where: { id: rejected.id } })).toMatchObject({ status: "REJECTED", refundId: null });
  });

  it("a guest returns with the order link: asks and sends like a buyer, nothing more; the refund mail goes to the guest's email", async () => {
    const w = await deliveredPart({ guest: true });
    const anyone = w.buyer;
    const ref = { orderId: w.order.id, shipmentId: w.part.id, items: [{ orderItemId: w.itemOf(w.plate.id).id, quantity: 1 }], reason: "Too big" };
    // Without the link, or with a wrong one, the order is not theirs to return.
    await expect(anyone.returns.request(ref)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anyone.returns.request({ ...ref, token: "x".repeat(43) })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "This order link is not valid. Open the link in your order email again.",
    });
    const stranger = await callerFor(t.db, (await createBuyer(t.db)).id);
    await expect(stranger.returns.request(ref)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The order page offers it to the link's holder.
    expect((await anyone.orders.get({ orderId: w.order.id, token: w.token })).canReturn).toBe(true);

    const request = await w.ask(w.plate.id, 1, "Too big");
    // The link makes them the buyer, never the seller.
    await expect(anyone.returns.approve({ returnId: request.id, instructions: "Approve myself" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await w.seller.returns.approve({ returnId: request.id, instructions: "Post it to 1 Return Lane" });
    await expect(anyone.returns.markSent({ returnId: request.id, carrier: "USPS", trackingNumber: "GUEST1" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(stranger.returns.markSent({ returnId: request.id, carrier: "USPS", trackingNumber: "GUEST1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await anyone.returns.markSent({ returnId: request.id, token: w.token, carrier: "USPS", trackingNumber: "GUEST1" })).toMatchObject({
      status: "SENT",
    });
    await w.seller.returns.receive({ returnId: request.id, items: [{ orderItemId: w.itemOf(w.plate.id).id, disposition: "RESTOCK" }] });
    const history = await t.db.orderStatusHistory.findMany({ where: { orderId: w.order.id, status: { in: ["RETURN_REQUESTED", "RETURN_SENT"] } } });
    expect(history.map((h) => h.actorId)).toEqual([null, null]);

    await drainOutbox(t.db);
    const refundMail = await t.db.email.findFirst({ where: { to: w.email, subject: `Refund of $30.00 on order #${w.order.number}` } });
    expect(refundMail?.text).toContain(`1 × ${w.plate.name}`);
    expect(refundMail?.text).toContain(`/orders/${w.order.id}?token=${w.token}`);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });

  it("an administrator steps in: sees any return with the shop's warehouses, approves and receives it; each step is audited", async () => {
    const w = await deliveredPart();
    const request = await w.ask(w.mug.id, 1, "Seller does not answer");
    const listed = await w.admin.returns.adminList({ status: "REQUESTED", limit: 100 });
    expect(listed.items.map((r) => r.id)).toContain(request.id);
    const seen = await w.admin.returns.adminGet({ returnId: request.id });
    expect(seen).toMatchObject({ status: "REQUESTED", order: { number: w.order.number, buyer: { email: w.email } }, shipment: { status: "DELIVERED" } });
    expect(seen.seller.warehouses.length).toBeGreaterThan(0);
    await expect(w.seller.returns.adminGet({ returnId: request.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(w.admin.returns.adminGet({ returnId: "c".repeat(25) })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await w.admin.returns.approve({ returnId: request.id, instructions: "Bazaar support: send it to the shop's address" });
    const received = await w.admin.returns.receive({
      returnId: request.id,
      items: [{ orderItemId: w.itemOf(w.mug.id).id, disposition: "RESTOCK", warehouseId: seen.seller.warehouses[0]!.id }],
    });
    expect(received).toMatchObject({ status: "RECEIVED", refundedCents: 1200 });
    const audit = await t.db.auditLog.findMany({ where: { entityType: "ReturnRequest", entityId: request.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["return.approved", adminId],
      ["return.received", adminId],
    ]);
    expect(await ledgerIsBalanced(t.db)).toEqual({ unbalanced: [], nonZeroCurrencies: [] });
  });
});

describe("photos on a return request", () => {
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]);
  const GIF = new TextEncoder().encode("GIF89a\x01\x00\x01\x00\x00\x00\x00;");
  useTemporaryUploadDir();

  /** The browser's POST of one file to /api/returns/photos with the ticket's headers. */
  const post = (headers: Record<string, string>, bytes: Uint8Array, type: string, name = "photo") => {
    const body = new FormData();
    body.append("file", new File([bytes.slice()], name, { type }));
    return uploadReturnPhoto(new Request("http://localhost/api/returns/photos", { method: "POST", body, headers }));
  };
  const uploaded = async (response: Response) => {
    expect(response.status, await response.clone().text()).toBe(201);
    const { key, url, receipt } = (await response.json()) as MediaUploadResult;
    return { key, url, receipt };
  };

  it("a buyer attaches JPEG and PNG photos; the seller and an administrator see them on the return", async () => {
    const w = await deliveredPart();
    const ticket = await w.buyer.returns.photoUpload({ orderId: w.order.id, token: null });
    expect(ticket).toMatchObject({ url: "/api/returns/photos", maxPhotos: 4, maxBytes: 5 * 1024 * 1024, accept: ["image/jpeg", "image/png", "image/webp"] });
    const photos = [await uploaded(await post(ticket.headers, JPEG, "image/jpeg", "crack.jpg")), await uploaded(await post(ticket.headers, PNG, "image/png"))];
    expect(photos[0]!.key).toMatch(new RegExp(`^returns/${w.order.id}/[0-9a-f-]{36}\\.jpg$`));

    const request = await w.buyer.returns.request({
      orderId: w.order.id,
      token: null,
      shipmentId: w.part.id,
      items: [{ orderItemId: w.itemOf(w.mug.id).id, quantity: 1 }],
      reason: "Cracked on arrival",
      photos,
    });
    expect(request.photos).toEqual(photos.map((p) => p.url));
    const [mine] = (await w.seller.returns.sellerList()).items.filter((r) => r.id === request.id);
    expect(mine?.photos).toEqual(photos.map((p) => p.url));
    expect((await w.admin.returns.adminGet({ returnId: request.id })).photos).toEqual(photos.map((p) => p.url));
    const key = photos[0]!.key.split("/");
    const served = await getMedia(new Request(`http://localhost/media/${photos[0]!.key}`), { params: Promise.resolve({ key }) });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
  });

  it("refuses other kinds, big files, missing or foreign tickets, more than 4 photos and photos of another order, each with a 4xx", async () => {
    const w = await deliveredPart();
    const { headers } = await w.buyer.returns.photoUpload({ orderId: w.order.id, token: null });
    const gif = await post(headers, GIF, "image/gif", "anim.gif");
    expect(gif.status).toBe(400);
    expect(await gif.json()).toEqual({ error: { code: "BAD_REQUEST", message: "Attach photos as JPEG, PNG or WebP images." } });
    const html = await post(headers, new TextEncoder().encode("<html><script>alert(1)</script></html>"), "image/png", "x.png");
    expect(html.status).toBe(400);
    // Just over 5 MB: refused once read; far over: refused before the body is all in.
    const over = new Uint8Array(5 * 1024 * 1024 + 1);
    over.set(PNG);
    const justOver = await post(headers, over, "image/png", "big.png");
    expect(justOver.status).toBe(400);
    expect(((await justOver.json()) as { error: { message: string } }).error.message).toContain("images may be at most 5 MB");
    const huge = new Uint8Array(6 * 1024 * 1024);
    huge.set(PNG);
    expect((await post(headers, huge, "image/png")).status).toBe(413);
    expect((await post({}, PNG, "image/png")).status).toBe(401);
    // A seller's product-image ticket does not open the return-photo route.
    const productTicket = createUploadTicket(getEnv().AUTH_SECRET, w.first.seller.id);
    expect((await post({ [UPLOAD_TICKET_HEADER]: productTicket }, PNG, "image/png")).status).toBe(401);

    const photo = await uploaded(await post(headers, PNG, "image/png"));
    const ref = { orderId: w.order.id, token: null, shipmentId: w.part.id, items: [{ orderItemId: w.itemOf(w.mug.id).id, quantity: 1 }], reason: "Broken" };
    await expect(w.buyer.returns.request({ ...ref, photos: Array.from({ length: 5 }, () => photo) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Attach at most 4 photos.") as unknown,
    });
    // A photo uploaded for another order, or a link with a made-up receipt, is refused.
    const other = await deliveredPart();
    const otherTicket = await other.buyer.returns.photoUpload({ orderId: other.order.id, token: null });
    const foreign = await uploaded(await post(otherTicket.headers, PNG, "image/png"));
    for (const bad of [foreign, { ...photo, url: "https://example.com/evil.png" }]) {
      await expect(w.buyer.returns.request({ ...ref, photos: [bad] })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "A photo was not uploaded for this order. Remove it and attach it again.",
      });
    }
    expect(await t.db.returnRequest.count({ where: { orderId: w.order.id } })).toBe(0);
    // Someone else cannot get a ticket for this order.
    const stranger = await callerFor(t.db, (await createBuyer(t.db)).id);
    await expect(stranger.returns.photoUpload({ orderId: w.order.id, token: null })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a guest gets a ticket with the order link's token, and only with it", async () => {
    const w = await deliveredPart({ guest: true });
    const anyone = await callerFor(t.db, null);
    await expect(anyone.returns.photoUpload({ orderId: w.order.id, token: "x".repeat(43) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { headers } = await anyone.returns.photoUpload({ orderId: w.order.id, token: w.token });
    const photo = await uploaded(await post(headers, PNG, "image/png"));
    const request = await anyone.returns.request({
      orderId: w.order.id,
      token: w.token,
      shipmentId: w.part.id,
      items: [{ orderItemId: w.itemOf(w.plate.id).id, quantity: 1 }],
      reason: "Chipped rim",
      photos: [photo],
    });
    expect(request.photos).toEqual([photo.url]);
  });
});
