import type { PrismaClient } from "@bazaar/db";
import type { z } from "zod";
import { requireAdmin, type Actor } from "../../actor";
import { page } from "../pagination";
import { ZListPayoutsSchema } from "../../validators/ledger";

/**
 * The payouts queue (read-only: the `payout/requested` job sends each payout, and refuses a shop
 * that is not APPROVED, returning the money to its balance): oldest waiting first when filtered to REQUESTED, otherwise newest first; with totals per status.
 */
export async function listPayouts(db: PrismaClient, actor: Actor, input: z.input<typeof ZListPayoutsSchema> = {}) {
  requireAdmin(actor);
  const f = ZListPayoutsSchema.parse(input);
  const rows = await db.payout.findMany({
    where: {
      ...(f.status ? { status: f.status } : {}),
      ...(f.sellerId ? { sellerId: f.sellerId } : {}),
    },
    orderBy: f.status === "REQUESTED" ? [{ requestedAt: "asc" }, { id: "asc" }] : [{ requestedAt: "desc" }, { id: "desc" }],
    take: f.limit + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
    include: { seller: { select: { id: true, shopName: true, status: true } } },
  });
  const totals = await db.payout.groupBy({
    by: ["status", "currency"],
    _sum: { amountCents: true },
    _count: { _all: true },
  });
  return {
    ...page(rows, f.limit),
    totals: totals.map((t) => ({
      status: t.status,
      currency: t.currency,
      count: t._count._all,
      amountCents: t._sum.amountCents ?? 0,
    })),
  };
}
