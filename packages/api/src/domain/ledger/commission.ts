import type { Tx } from "@bazaar/db";

export const DEFAULT_COMMISSION_BPS = 1000;
export const COMMISSION_SETTING_KEY = "commission.defaultBps";

/** The platform's default commission in basis points from the setting's stored value: a whole 0..10,000, else 10%. */
export const commissionBpsOf = (value: unknown): number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 10_000 ? value : DEFAULT_COMMISSION_BPS;

/** The platform's default commission in basis points: PlatformSetting `commission.defaultBps`, else 10%. */
export async function defaultCommissionBps(tx: Tx): Promise<number> {
  const setting = await tx.platformSetting.findUnique({ where: { key: COMMISSION_SETTING_KEY } });
  return commissionBpsOf(setting?.value);
}
