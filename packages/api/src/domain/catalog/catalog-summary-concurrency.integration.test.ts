// The catalogue's summary (migration 20261215000000_catalog_summary) under many changes at once:
// sellers' stock crossing zero both ways, product edits, a variant matrix saved, carts taking and
// giving back last units, buyers cancelling orders of two shops (their stock rows give units back
// in row order: shop A's first in one order, shop B's in another), the hold sweeper, and shops and
// owners' accounts suspended or reinstated, in two shops whose products share categories, price
// bands, option values and words. Every call must succeed or be refused with a domain error we
// expect; PostgreSQL must have detected no deadlock (a deadlock retried by inTransaction is
// invisible to its caller but costs a second of waiting, and four in a row fail the request);
// and the kept summary must equal a full recount. Before migration
// 20261220000000_catalog_summary_at_commit, PostgreSQL detected 34 to 44 deadlocks per run and 2
// to 5 callers of a case failed with "deadlock detected"; with the deadlocks fixed but not the
// owner's lock on the shop, the counts were wrong in 3 runs of 3 (a shop suspended with its owner
// taken away twice, or reinstated with its owner never added back).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@bazaar/db";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import type { Actor } from "../../actor";
import { isDomainError, type DomainErrorCode } from "../../errors";
import { recountedSummaryRows, summaryRows } from "../../testing/catalog-summary";
import {
  createAdmin,
  createBuyer,
  createCategory,
  createProduct,
  createProductWithVariants,
  createSeller,
  shippingAddressInput,
} from "../../testing/factories";
import { loadActor } from "../../trpc";
import { reinstateUser, suspendUser } from "../accounts/manage-users";
import { addToCart, removeCartLine } from "../cart/change-cart";
import { checkout } from "../checkout/checkout";
import { releaseExpiredCartReservations } from "../inventory/order-reservations";
import { setStockOnHand } from "../inventory/seller-stock";
import { cancelOrder } from "../orders/cancel-order";
import { createSimulatorGateway } from "../payments/simulator-gateway";
import { reinstateSeller, suspendSeller } from "../sellers/manage-sellers";
import { countProductFacets, productFacets } from "./search-products";
import { changeProductStatus, updateSellerProduct } from "./seller-products";
import { saveProductVariants } from "./variants";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 8 });
});
afterAll(async () => t?.drop());

const actorOf = async (userId: string) => (await loadActor(t.db, userId))!;

/** The concurrent callers' connections are told apart by this name (pg_stat_activity). */
const CALLERS = "catalog-summary-concurrency";

/** Deadlocks PostgreSQL has detected in the test database (whatever the callers' retries made of them). */
async function deadlocksDetected(): Promise<number> {
  const [row] = await t.db.$queryRaw<{ deadlocks: number }[]>`SELECT deadlocks::int AS "deadlocks" FROM pg_stat_database WHERE datname = current_database()`;
  return row!.deadlocks;
}

/**
 * A client of its own for the callers, closed when they are done: a backend flushes its
 * statistics (its deadlocks among them) as it exits, before it leaves pg_stat_activity, so once
 * none is left the count is complete (a backend still open may hold them back for seconds).
 */
async function withCallersClient<T>(work: (db: PrismaClient) => Promise<T>): Promise<T> {
  const url = new URL(t.url);
  url.searchParams.set("application_name", CALLERS);
  const db = createPrismaClient({ url: url.toString(), max: 36 });
  const result = await work(db).finally(() => db.$disconnect());
  for (let polls = 0; polls < 10_000; polls++) {
    const [open] = await t.db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS "count" FROM pg_stat_activity WHERE datname = current_database() AND application_name = ${CALLERS}`;
    if (open!.count === 0) return result;
  }
  throw new Error("The callers' connections did not close.");
}

interface Call {
  what: string;
  run: (db: PrismaClient) => Promise<unknown>;
  /** Refusals this call may meet, depending on what runs before it (a shop suspended first). */
  mayBeRefused?: { code: DomainErrorCode; message: RegExp };
}

const notForSale = { code: "NOT_FOUND", message: /is not for sale/ } as const;

/** Runs every call at once; answers the calls that failed otherwise than they may. */
async function runAtOnce(db: PrismaClient, calls: Call[]) {
  const outcomes = await Promise.all(
    calls.map(({ what, run, mayBeRefused }) =>
      run(db).then(
        () => null,
        (error: unknown) => {
          const expected = isDomainError(error) && mayBeRefused !== undefined && error.code === mayBeRefused.code && mayBeRefused.message.test(error.message);
          if (expected) return null;
          const { code, message } = error as { code?: unknown; message?: unknown };
          return { what, code, message };
        },
      ),
    ),
  );
  return outcomes.filter((outcome) => outcome !== null);
}

/** a, b, a, b, ...: the two shops' calls start alternately. */
const alternate = (a: Call[], b: Call[]): Call[] =>
  Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [a[i], b[i]])
    .flat()
    .filter((call) => call !== undefined);

type Standing = "suspend shop and owner" | "reinstate shop and owner" | "suspend shop" | "reinstate shop";

describe("the catalogue's summary under concurrent changes", () => {
  let admin: Actor;
  let lamps: { id: string; slug: string };
  let rugs: { id: string; slug: string };
  beforeAll(async () => {
    admin = await actorOf((await createAdmin(t.db)).id);
    lamps = await createCategory(t.db, { name: "Lamps" });
    rugs = await createCategory(t.db, { name: "Rugs" });
  });

  /**
   * Two shops, each with products for every kind of change, mostly in one category and price
   * band (so their changes meet on the same summary rows, from both directions), and two orders
   * with one unit of each shop: the callers for one run, with each shop's standing changed as told.
   */
  async function scenario(standing: { a: Standing; b: Standing }) {
    const shopOf = async (name: string, change: Standing) => {
      const { user, seller } = await createSeller(t.db, { shopName: name });
      // Loaded before any suspension: the sellers' requests are past their sign-in check as the admin acts.
      return { name, user, seller, change, actor: await actorOf(user.id) };
    };
    const a = await shopOf("Harbour Lamps", standing.a);
    const b = await shopOf("Meadow Lamps", standing.b);
    const lastUnit = (shop: typeof a, name: string) => createProduct(t.db, shop.seller.id, { name, categoryId: lamps.id, priceCents: 2_000, stock: 1 });
    const buyerActor = async () => actorOf((await createBuyer(t.db)).id);

    // Orders holding the last unit of a product of each shop: cancelled, both products come back
    // in stock, the stock rows in id order (ids grow as rows are made: A's first, then B's first).
    const orderProducts = [await lastUnit(a, "Brass Lamp"), await lastUnit(b, "Brass Lamp"), await lastUnit(b, "Linen Lamp"), await lastUnit(a, "Linen Lamp")];
    const rowIds = orderProducts.map((p) => p.stockLevels[0]!.id);
    expect([rowIds[0]! < rowIds[1]!, rowIds[2]! < rowIds[3]!]).toEqual([true, true]);
    const orders = [];
    for (const pair of [
      [orderProducts[0]!, orderProducts[1]!],
      [orderProducts[2]!, orderProducts[3]!],
    ]) {
      const buyer = await buyerActor();
      for (const { variant } of pair) await addToCart(t.db, { buyerId: buyer.userId }, { variantId: variant.id, quantity: 1 });
      const { orderId } = await checkout(
        t.db,
        buyer,
        { idempotencyKey: `concurrency-${randomUUID()}`, shippingAddress: shippingAddressInput() },
        { gateway: createSimulatorGateway() },
      );
      orders.push({ buyer, orderId });
    }

    const callsOf = async (shop: typeof a): Promise<Call[]> => {
      const calls: Call[] = [];
      for (const name of ["Copper Lamp", "Paper Lamp"]) {
        const { variant } = await lastUnit(shop, name);
        const buyer = await buyerActor();
        calls.push({
          what: `${shop.name}: a cart takes the last ${name}`,
          run: (db) => addToCart(db, { buyerId: buyer.userId }, { variantId: variant.id, quantity: 1 }),
          mayBeRefused: notForSale,
        });
      }
      for (const name of ["Glass Lamp", "Stone Lamp"]) {
        const { variant } = await lastUnit(shop, name);
        const buyer = await buyerActor();
        await addToCart(t.db, { buyerId: buyer.userId }, { variantId: variant.id, quantity: 1 });
        calls.push({
          what: `${shop.name}: a cart gives back the last ${name}`,
          run: (db) => removeCartLine(db, { buyerId: buyer.userId }, { variantId: variant.id }),
        });
      }
      for (const [name, stock, onHand] of [
        ["Iron Lamp", 2, 0],
        ["Wicker Lamp", 0, 3],
        ["Pewter Lamp", 1, 0],
        ["Bamboo Lamp", 0, 1],
      ] as const) {
        const { product, stockLevels } = await createProduct(t.db, shop.seller.id, { name, categoryId: lamps.id, priceCents: 2_000, stock });
        const row = stockLevels[0]!;
        calls.push({
          what: `${shop.name}: the seller sets ${name} to ${onHand} on hand`,
          run: (db) => setStockOnHand(db, shop.actor, { productId: product.id, warehouseId: row.warehouseId, onHand, version: row.version }),
        });
      }
      const { product: moved } = await createProduct(t.db, shop.seller.id, { name: "Floor Lamp", categoryId: lamps.id, priceCents: 2_000, stock: 4 });
      calls.push({
        what: `${shop.name}: Floor Lamp moved to Rugs and the top price band`,
        run: (db) => updateSellerProduct(db, shop.actor, { id: moved.id, categoryId: rugs.id, priceCents: 30_000 }),
      });
      const { product: repriced } = await createProduct(t.db, shop.seller.id, { name: "Wool Rug", categoryId: rugs.id, priceCents: 30_000, stock: 2 });
      calls.push({
        what: `${shop.name}: Wool Rug moved to Lamps and the lowest price band`,
        run: (db) => updateSellerProduct(db, shop.actor, { id: repriced.id, categoryId: lamps.id, priceCents: 2_000 }),
      });
      const { product: published } = await createProduct(t.db, shop.seller.id, {
        name: "Reading Lamp",
        categoryId: lamps.id,
        priceCents: 2_000,
        stock: 1,
        status: "DRAFT",
      });
      calls.push({ what: `${shop.name}: Reading Lamp published`, run: (db) => changeProductStatus(db, shop.actor, { id: published.id, action: "publish" }) });
      const { product: unpublished } = await createProduct(t.db, shop.seller.id, { name: "Desk Lamp", categoryId: lamps.id, priceCents: 2_000, stock: 1 });
      calls.push({
        what: `${shop.name}: Desk Lamp unpublished`,
        run: (db) => changeProductStatus(db, shop.actor, { id: unpublished.id, action: "unpublish" }),
      });
      const { product: shade, variants } = await createProductWithVariants(t.db, shop.seller.id, {
        name: "Lamp Shade",
        categoryId: lamps.id,
        priceCents: 2_000,
        options: [{ name: "Colour", values: ["Blue", "Red"] }],
        variants: [
          { values: ["Blue"], stock: 1 },
          { values: ["Red"], stock: 1 },
        ],
      });
      const [blue, red] = variants as [(typeof variants)[number], (typeof variants)[number]];
      calls.push({
        what: `${shop.name}: Lamp Shade's red variant archived and a green one added`,
        run: (db) =>
          saveProductVariants(db, shop.actor, {
            productId: shade.id,
            options: [{ name: "Colour", values: ["Blue", "Red", "Green"] }],
            variants: [
              { id: blue.id, sku: blue.sku, optionValues: ["Blue"], priceCents: 2_000, status: "ACTIVE" },
              { id: red.id, sku: red.sku, optionValues: ["Red"], priceCents: 2_000, status: "ARCHIVED" },
              { sku: `${shade.sku}-GREEN`, optionValues: ["Green"], priceCents: 2_000, status: "ACTIVE" },
            ],
          }),
      });

      const reason = "Checking a complaint.";
      if (shop.change === "suspend shop" || shop.change === "suspend shop and owner") {
        calls.push({ what: `${shop.name}: shop suspended`, run: (db) => suspendSeller(db, admin, { sellerId: shop.seller.id, reason }) });
      } else {
        await suspendSeller(t.db, admin, { sellerId: shop.seller.id, reason });
        calls.push({ what: `${shop.name}: shop reinstated`, run: (db) => reinstateSeller(db, admin, { sellerId: shop.seller.id }) });
      }
      if (shop.change === "suspend shop and owner") {
        calls.push({ what: `${shop.name}: owner's account suspended`, run: (db) => suspendUser(db, admin, { userId: shop.user.id, reason }) });
      } else if (shop.change === "reinstate shop and owner") {
        await suspendUser(t.db, admin, { userId: shop.user.id, reason });
        calls.push({ what: `${shop.name}: owner's account reinstated`, run: (db) => reinstateUser(db, admin, { userId: shop.user.id }) });
      }
      return calls;
    };
    // Each shop's calls are made (and its standing set) after both shops' orders were placed.
    const [callsOfA, callsOfB] = [await callsOf(a), await callsOf(b)];
    const calls: Call[] = [
      ...alternate(callsOfA.slice(0, 7), callsOfB.slice(0, 7)),
      ...orders.map(({ buyer, orderId }, i): Call => ({
        what: `an order of both shops cancelled (shop ${i === 0 ? "A's" : "B's"} stock row first)`,
        run: (db) => cancelOrder(db, buyer, { orderId }),
      })),
      // Every cart's holds (both shops', in stock row order), as the sweeper finds them once they lapse.
      { what: "the hold sweeper releases every cart's holds", run: (db) => releaseExpiredCartReservations(db, new Date(Date.now() + 24 * 3_600_000)) },
      ...alternate(callsOfB.slice(7), callsOfA.slice(7)),
    ];
    return { a, b, calls };
  }

  const cases: { a: Standing; b: Standing }[] = [
    { a: "suspend shop and owner", b: "reinstate shop" },
    { a: "reinstate shop and owner", b: "suspend shop" },
  ];
  it.each(cases)(
    "keeps what a recount gives, with no deadlock and only expected refusals, when 32 callers change two shops at once (A: $a, B: $b)",
    async (standing) => {
      const { a, b, calls } = await scenario(standing);
      expect(calls.length).toBe(32);
      const before = await deadlocksDetected();
      const unexpected = await withCallersClient((db) => runAtOnce(db, calls));
      expect(unexpected).toEqual([]);
      expect(await deadlocksDetected()).toBe(before);
      expect(await summaryRows(t.db)).toEqual(await recountedSummaryRows(t.db));
      for (const input of [
        {},
        { category: lamps.slug },
        { inStock: true },
        { options: ["Colour:Green"] },
        { seller: a.seller.slug },
        { seller: b.seller.slug },
      ]) {
        expect({ input, facets: await productFacets(t.db, input) }).toEqual({ input, facets: await countProductFacets(t.db, input) });
      }
    },
  );
});
