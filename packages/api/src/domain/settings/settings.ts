import type { PrismaClient, SqlTx } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { COMMISSION_SETTING_KEY, DEFAULT_COMMISSION_BPS } from "../ledger/commission";
import { inTransaction } from "../transaction";
import { ZUpdateSettingsSchema, ZSetTaxRateSchema, ZDeleteTaxRateSchema } from "../../validators/settings";

/**
 * PlatformSetting keys and their defaults. Readers elsewhere use `readPlatformSettings`:
 * the ledger split reads the commission (ledger/commission.ts), new shops take the shipping
 * defaults, new stock rows the low-stock threshold.
 */
export const SETTINGS = {
  commissionDefaultBps: {
    key: COMMISSION_SETTING_KEY,
    fallback: DEFAULT_COMMISSION_BPS,
    nullable: false,
  },
  lowStockThresholdDefault: {
    key: "stock.lowThresholdDefault",
    fallback: 5,
    nullable: false,
  },
  shippingDefaultFlatCents: {
    key: "shipping.defaultFlatCents",
    fallback: 599,
    nullable: false,
  },
  shippingDefaultFreeOverCents: {
    key: "shipping.defaultFreeOverCents",
    fallback: 5000,
    nullable: true,
  },
  /** A sale's funds become available for payout this many days after delivery... */
  payoutHoldDaysAfterDelivery: {
    key: "payouts.holdDaysAfterDelivery",
    fallback: 7,
    nullable: false,
  },
  /** ...or this many days after shipping when the shipment is never marked delivered. */
  payoutHoldDaysAfterShipping: {
    key: "payouts.holdDaysAfterShipping",
    fallback: 21,
    nullable: false,
  },
  /** The most a seller may refund on their own in one refund; larger refunds need an administrator. */
  sellerRefundLimitCents: {
    key: "refunds.sellerLimitCents",
    fallback: 50_000,
    nullable: false,
  },
  /** What the payment processor charges for a lost dispute. */
  disputeFeeCents: {
    key: "disputes.feeCents",
    fallback: 1500,
    nullable: false,
  },
  /** The sellers' share of a lost dispute's fee in basis points (10000: the sellers bear all of it, 0: Bazaar does). */
  disputeFeeSellerBps: {
    key: "disputes.feeSellerBps",
    fallback: 10_000,
    nullable: false,
  },
  /** Points a buyer earns per 1.00 of the platform currency paid for delivered goods (before the tier's multiplier). */
  loyaltyPointsPerUnit: {
    key: "loyalty.pointsPerUnit",
    fallback: 1,
    nullable: false,
  },
  /** Points are redeemed in multiples of this (1 point = 1 cent, so 100 points = $1). */
  loyaltyRedeemStepPoints: {
    key: "loyalty.redeemStepPoints",
    fallback: 100,
    nullable: false,
  },
  /** The most of an order's goods (after the promo and tier discounts) points may pay, in basis points. */
  loyaltyMaxRedeemShareBps: {
    key: "loyalty.maxRedeemShareBps",
    fallback: 5000,
    nullable: false,
  },
  /** Available points expire after this many days without earning or redeeming. */
  loyaltyPointsExpiryDays: {
    key: "loyalty.pointsExpiryDays",
    fallback: 365,
    nullable: false,
  },
} as const;

type SettingName = keyof typeof SETTINGS;
export type PlatformSettings = {
  [K in SettingName]: (typeof SETTINGS)[K]["nullable"] extends true ? number | null : number;
};

const names = Object.keys(SETTINGS) as SettingName[];

const keys = names.map((n) => SETTINGS[n].key);

/**
 * Every setting, stored value or default (a malformed stored value counts as missing). Written
 * out: checkout reads it when points are used, in its transaction without Prisma's client.
 */
export async function readPlatformSettings(tx: SqlTx): Promise<PlatformSettings> {
  const rows = await tx.$queryRaw<{ key: string; value: unknown }[]>`SELECT "key", "value" FROM "PlatformSetting" WHERE "key" = ANY(${keys}::text[])`;
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const out = {} as Record<SettingName, number | null>;
  for (const name of names) {
    const spec = SETTINGS[name];
    const value = stored.get(spec.key);
    out[name] =
      stored.has(spec.key) && ((typeof value === "number" && Number.isInteger(value) && value >= 0) || (spec.nullable && value === null))
        ? value
        : spec.fallback;
  }
  return out as PlatformSettings;
}

export async function getSettings(db: PrismaClient, actor: Actor) {
  requireAdmin(actor);
  const [settings, taxRates] = await Promise.all([readPlatformSettings(db), db.taxRate.findMany({ orderBy: { country: "asc" } })]);
  return { settings, taxRates };
}

/** Changes the given settings in one transaction and one audit row with what each was before. */
export async function updateSettings(db: PrismaClient, actor: Actor, input: z.input<typeof ZUpdateSettingsSchema>) {
  const admin = requireAdmin(actor);
  const f = ZUpdateSettingsSchema.parse(input);
  const changes = names.filter((n) => f[n] !== undefined);
  if (changes.length === 0) throw new DomainError("BAD_REQUEST", "Change at least one setting.");
  return inTransaction(db, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('bazaar:platform-settings'))`;
    const before = await readPlatformSettings(tx);
    for (const name of changes) {
      const value = f[name] ?? null;
      const key = SETTINGS[name].key;
      // Prisma's Json input has no plain null; JSON null is stored through the raw upsert.
      await tx.$executeRaw`INSERT INTO "PlatformSetting" (key, value, "updatedAt") VALUES (${key}, ${JSON.stringify(value)}::jsonb, now())
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`;
    }
    const after = await readPlatformSettings(tx);
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "settings.update",
      entityType: "PlatformSetting",
      entityId: changes.map((n) => SETTINGS[n].key).join(","),
      before: Object.fromEntries(changes.map((n) => [n, before[n]])),
      after: Object.fromEntries(changes.map((n) => [n, after[n]])),
    });
    return after;
  });
}

/** Adds a country's tax rate or changes it; carts pick it up at their next re-pricing. */
export async function setTaxRate(db: PrismaClient, actor: Actor, input: z.input<typeof ZSetTaxRateSchema>) {
  const admin = requireAdmin(actor);
  const { country, rateBps } = ZSetTaxRateSchema.parse(input);
  return inTransaction(db, async (tx) => {
    const before = await tx.taxRate.findUnique({ where: { country } });
    const rate = await tx.taxRate.upsert({
      where: { country },
      create: { country, rateBps },
      update: { rateBps },
    });
    await recordAudit(tx, {
      actorId: admin.userId,
      action: before ? "tax-rate.update" : "tax-rate.create",
      entityType: "TaxRate",
      entityId: country,
      before: before ? { rateBps: before.rateBps } : null,
      after: { rateBps },
    });
    return rate;
  });
}

/** Removes a country's rate: orders there are taxed at 0 until a rate is set again. */
export async function deleteTaxRate(db: PrismaClient, actor: Actor, input: z.input<typeof ZDeleteTaxRateSchema>) {
  const admin = requireAdmin(actor);
  const { country } = ZDeleteTaxRateSchema.parse(input);
  return inTransaction(db, async (tx) => {
    const before = await tx.taxRate.findUnique({ where: { country } });
    if (!before) throw notFound(`A tax rate for ${country}`);
    await tx.taxRate.delete({ where: { country } });
    await recordAudit(tx, {
      actorId: admin.userId,
      action: "tax-rate.delete",
      entityType: "TaxRate",
      entityId: country,
      before: { rateBps: before.rateBps },
    });
    return { country };
  });
}
