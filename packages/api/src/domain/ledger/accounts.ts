import { randomUUID } from "node:crypto";
import { Prisma, type LedgerAccountKind, type SqlTx } from "@bazaar/db";

// Stable account codes: one set of platform accounts per currency, three accounts per seller per currency.
export const ledgerAccountCode = {
  buyerExternal: (currency: string) => `buyer:external:${currency}`,
  clearing: (currency: string) => `platform:clearing:${currency}`,
  revenue: (currency: string) => `platform:revenue:${currency}`,
  disputesHeld: (currency: string) => `platform:disputes-held:${currency}`,
  processorFees: (currency: string) => `processor:fees:${currency}`,
  pointsLiability: (currency: string) => `platform:points-liability:${currency}`,
  loyaltyExpense: (currency: string) => `platform:loyalty-expense:${currency}`,
  sellerPending: (sellerId: string, currency: string) => `seller:${sellerId}:pending:${currency}`,
  sellerPayable: (sellerId: string, currency: string) => `seller:${sellerId}:payable:${currency}`,
  sellerPayouts: (sellerId: string, currency: string) => `seller:${sellerId}:payouts:${currency}`,
};

interface AccountSpec {
  code: string;
  kind: LedgerAccountKind;
  sellerId: string | null;
  currency: string;
  name: string;
}

/**
 * Returns id by code, creating the missing accounts (concurrent callers are fine: a duplicate is
 * skipped). Accounts are made once and read ever after, so they are read first: one statement
 * when all exist (every order after a seller's first), the insert only for the missing ones.
 */
async function ensureAccounts(tx: SqlTx, specs: AccountSpec[]): Promise<Map<string, string>> {
  return completeAccounts(tx, specs, await accountIds(tx, specs));
}

/** Makes the accounts of `specs` that `ids` (read already) lacks. */
async function completeAccounts(tx: SqlTx, specs: AccountSpec[], ids: Map<string, string>): Promise<Map<string, string>> {
  const missing = specs.filter((spec) => !ids.has(spec.code));
  if (missing.length === 0) return ids;
  // The id column has no database default (Prisma makes cuids in the client); random UUIDs serve as well.
  const made = await tx.$queryRaw<{ id: string; code: string }[]>`
    INSERT INTO "LedgerAccount" ("id", "code", "kind", "sellerId", "currency", "name", "createdAt")
    SELECT a."id", a."code", a."kind"::"LedgerAccountKind", a."sellerId", a."currency", a."name", ${new Date()}::timestamp(3)
      FROM unnest(${missing.map(() => randomUUID())}::text[], ${missing.map((spec) => spec.code)}::text[], ${missing.map((spec) => spec.kind)}::text[],
                  ${missing.map((spec) => spec.sellerId)}::text[], ${missing.map((spec) => spec.currency)}::text[], ${missing.map((spec) => spec.name)}::text[])
           AS a("id", "code", "kind", "sellerId", "currency", "name")
    ON CONFLICT ("code") DO NOTHING
    RETURNING "id", "code"`;
  for (const row of made) ids.set(row.code, row.id);
  // An account another transaction made meanwhile was skipped by the insert: read it now that it is there.
  const skipped = missing.filter((spec) => !ids.has(spec.code));
  if (skipped.length > 0) for (const [code, id] of await accountIds(tx, skipped)) ids.set(code, id);
  return ids;
}

async function accountIds(tx: SqlTx, specs: AccountSpec[]): Promise<Map<string, string>> {
  const rows = await tx.$queryRaw<{ id: string; code: string }[]>`
    SELECT "id", "code" FROM "LedgerAccount" WHERE "code" = ANY(${specs.map((spec) => spec.code)}::text[])`;
  return new Map(rows.map((row) => [row.code, row.id]));
}

const idOf = (ids: Map<string, string>, code: string) => {
  const id = ids.get(code);
  if (!id) throw new Error(`ledger account ${code} is missing after it was ensured`);
  return id;
};

const platformAccounts = (currency: string) => {
  const codes = {
    buyerExternal: ledgerAccountCode.buyerExternal(currency),
    clearing: ledgerAccountCode.clearing(currency),
    revenue: ledgerAccountCode.revenue(currency),
    disputesHeld: ledgerAccountCode.disputesHeld(currency),
    processorFees: ledgerAccountCode.processorFees(currency),
    pointsLiability: ledgerAccountCode.pointsLiability(currency),
    loyaltyExpense: ledgerAccountCode.loyaltyExpense(currency),
  };
  const specs: AccountSpec[] = [
    { code: codes.buyerExternal, kind: "BUYER_EXTERNAL", sellerId: null, currency, name: `Buyers (external, ${currency})` },
    { code: codes.clearing, kind: "PAYMENT_CLEARING", sellerId: null, currency, name: `Payment clearing (${currency})` },
    { code: codes.revenue, kind: "PLATFORM_REVENUE", sellerId: null, currency, name: `Platform commission revenue (${currency})` },
    { code: codes.disputesHeld, kind: "DISPUTES_HELD", sellerId: null, currency, name: `Disputed amounts held (${currency})` },
    { code: codes.processorFees, kind: "PROCESSOR_FEES", sellerId: null, currency, name: `Payment processor fees (external, ${currency})` },
    { code: codes.pointsLiability, kind: "POINTS_LIABILITY", sellerId: null, currency, name: `Loyalty points outstanding (${currency})` },
    { code: codes.loyaltyExpense, kind: "LOYALTY_EXPENSE", sellerId: null, currency, name: `Loyalty cost: points and tier benefits (${currency})` },
  ];
  const idsFrom = (ids: Map<string, string>) => ({
    buyerExternalId: idOf(ids, codes.buyerExternal),
    clearingId: idOf(ids, codes.clearing),
    revenueId: idOf(ids, codes.revenue),
    disputesHeldId: idOf(ids, codes.disputesHeld),
    processorFeesId: idOf(ids, codes.processorFees),
    pointsLiabilityId: idOf(ids, codes.pointsLiability),
    loyaltyExpenseId: idOf(ids, codes.loyaltyExpense),
  });
  return { specs, idsFrom };
};

const sellerAccounts = (sellerId: string, currency: string) => {
  const codes = {
    pending: ledgerAccountCode.sellerPending(sellerId, currency),
    payable: ledgerAccountCode.sellerPayable(sellerId, currency),
    payouts: ledgerAccountCode.sellerPayouts(sellerId, currency),
  };
  const specs: AccountSpec[] = [
    { code: codes.pending, kind: "SELLER_PENDING", sellerId, currency, name: `Seller pending funds (${currency})` },
    { code: codes.payable, kind: "SELLER_PAYABLE", sellerId, currency, name: `Seller payable (${currency})` },
    { code: codes.payouts, kind: "SELLER_PAYOUTS", sellerId, currency, name: `Seller payouts (${currency})` },
  ];
  const idsFrom = (ids: Map<string, string>) => ({
    pendingId: idOf(ids, codes.pending),
    payableId: idOf(ids, codes.payable),
    payoutsId: idOf(ids, codes.payouts),
  });
  return { specs, idsFrom };
};

export async function ensurePlatformLedgerAccounts(tx: SqlTx, currency: string) {
  const platform = platformAccounts(currency);
  return platform.idsFrom(await ensureAccounts(tx, platform.specs));
}

/**
 * A seller's pending funds (sales still in their payout hold), payable (what Bazaar owes them and
 * they may pay out) and payouts (what was sent to them). Called at seller approval and before any posting.
 */
export async function ensureSellerLedgerAccounts(tx: SqlTx, sellerId: string, currency: string) {
  const seller = sellerAccounts(sellerId, currency);
  return seller.idsFrom(await ensureAccounts(tx, seller.specs));
}

/**
 * `lockShipments`, and the platform's accounts with those of each seller ensured, in one
 * statement once the accounts exist (every split after a seller's first): the shipments locked
 * in id order with their hold state, and the accounts read in the same round trip. The accounts
 * are read in the statement's snapshot, taken before any wait for a shipment's lock: one made
 * meanwhile is found by the insert's conflict, as in `ensureAccounts`. The hold state is the
 * locked row's latest.
 */
export async function lockShipmentsWithAccounts(tx: SqlTx, shipmentIds: string[], currency: string, sellerIds: string[]) {
  const platform = platformAccounts(currency);
  const sellers = [...new Set(sellerIds)].map((sellerId) => ({ sellerId, ...sellerAccounts(sellerId, currency) }));
  const specs = [...platform.specs, ...sellers.flatMap((s) => s.specs)];
  const rows = await tx.$queryRaw<{ shipmentId: string | null; fundsReleasedAt: Date | null; accountId: string | null; code: string | null }[]>`
    WITH locked AS (
      SELECT "id", "fundsReleasedAt" FROM "Shipment" WHERE "id" = ANY(${[...shipmentIds].sort()}::text[]) ORDER BY "id" FOR UPDATE
    )
    SELECT "id" AS "shipmentId", "fundsReleasedAt", NULL::text AS "accountId", NULL::text AS "code" FROM locked
    UNION ALL
    SELECT NULL, NULL, "id", "code" FROM "LedgerAccount" WHERE "code" = ANY(${specs.map((spec) => spec.code)}::text[])`;
  const holds = new Map<string, { fundsReleasedAt: Date | null }>();
  const ids = new Map<string, string>();
  for (const row of rows) {
    if (row.shipmentId) holds.set(row.shipmentId, { fundsReleasedAt: row.fundsReleasedAt });
    else if (row.accountId && row.code) ids.set(row.code, row.accountId);
  }
  const all = await completeAccounts(tx, specs, ids);
  return { holds, platform: platform.idsFrom(all), sellers: new Map(sellers.map((s) => [s.sellerId, s.idsFrom(all)])) };
}

/**
 * Which of the seller's accounts a movement for this shipment goes to: its pending funds until
 * the payout hold ends (`fundsReleasedAt`), the payable after. The caller holds the shipment's
 * row lock, so a release and a refund of one shipment cannot both see it unreleased.
 */
export const sellerAccountFor = (shipment: { fundsReleasedAt: Date | null }, accounts: { pendingId: string; payableId: string }) =>
  shipment.fundsReleasedAt ? accounts.payableId : accounts.pendingId;

/** Locks shipments (in id order, so two flows never wait on each other crosswise) and returns their hold state. */
export async function lockShipments(tx: SqlTx, shipmentIds: string[]): Promise<Map<string, { fundsReleasedAt: Date | null }>> {
  if (shipmentIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ id: string; fundsReleasedAt: Date | null }[]>`
    SELECT id, "fundsReleasedAt" FROM "Shipment" WHERE id IN (${Prisma.join([...shipmentIds].sort())}) ORDER BY id FOR UPDATE`;
  return new Map(rows.map((r) => [r.id, { fundsReleasedAt: r.fundsReleasedAt }]));
}

/** Locks ledger accounts (payout requests lock the payable the same way), in id order. */
export async function lockAccounts(tx: SqlTx, accountIds: string[]) {
  if (accountIds.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "LedgerAccount" WHERE id IN (${Prisma.join([...new Set(accountIds)].sort())}) ORDER BY id FOR UPDATE`;
}
