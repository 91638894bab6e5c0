import type { LedgerAccountKind, Tx } from "@bazaar/db";

// Stable account codes: one set of platform accounts per currency, two accounts per seller per currency.
export const ledgerAccountCode = {
  buyerExternal: (currency: string) => `buyer:external:${currency}`,
  clearing: (currency: string) => `platform:clearing:${currency}`,
  revenue: (currency: string) => `platform:revenue:${currency}`,
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

/** Creates missing accounts (concurrent callers are fine: a duplicate is skipped) and returns id by code. */
async function ensureAccounts(tx: Tx, specs: AccountSpec[]): Promise<Map<string, string>> {
  await tx.ledgerAccount.createMany({ data: specs, skipDuplicates: true });
  const rows = await tx.ledgerAccount.findMany({ where: { code: { in: specs.map((s) => s.code) } }, select: { id: true, code: true } });
  return new Map(rows.map((r) => [r.code, r.id]));
}

const idOf = (ids: Map<string, string>, code: string) => {
  const id = ids.get(code);
  if (!id) throw new Error(`ledger account ${code} is missing after it was ensured`);
  return id;
};

export async function ensurePlatformLedgerAccounts(tx: Tx, currency: string) {
  const codes = {
    buyerExternal: ledgerAccountCode.buyerExternal(currency),
    clearing: ledgerAccountCode.clearing(currency),
    revenue: ledgerAccountCode.revenue(currency),
  };
  const ids = await ensureAccounts(tx, [
    { code: codes.buyerExternal, kind: "BUYER_EXTERNAL", sellerId: null, currency, name: `Buyers (external, ${currency})` },
    { code: codes.clearing, kind: "PAYMENT_CLEARING", sellerId: null, currency, name: `Payment clearing (${currency})` },
    { code: codes.revenue, kind: "PLATFORM_REVENUE", sellerId: null, currency, name: `Platform commission revenue (${currency})` },
  ]);
  return { buyerExternalId: idOf(ids, codes.buyerExternal), clearingId: idOf(ids, codes.clearing), revenueId: idOf(ids, codes.revenue) };
}

/** A seller's payable (what Bazaar owes them) and payouts (what was sent to them). Called at seller approval and before any posting. */
export async function ensureSellerLedgerAccounts(tx: Tx, sellerId: string, currency: string) {
  const codes = { payable: ledgerAccountCode.sellerPayable(sellerId, currency), payouts: ledgerAccountCode.sellerPayouts(sellerId, currency) };
  const ids = await ensureAccounts(tx, [
    { code: codes.payable, kind: "SELLER_PAYABLE", sellerId, currency, name: `Seller payable (${currency})` },
    { code: codes.payouts, kind: "SELLER_PAYOUTS", sellerId, currency, name: `Seller payouts (${currency})` },
  ]);
  return { payableId: idOf(ids, codes.payable), payoutsId: idOf(ids, codes.payouts) };
}
