import type { PrismaClient, Role } from "@bazaar/db";

export interface UserCounts {
  byRole: Record<Role, number>;
  suspended: number;
  pendingSellers: number;
  total: number;
}

/** Users per role, suspended users and shops awaiting approval (the admin overview). */
export async function countUsers(db: PrismaClient): Promise<UserCounts> {
  const [groups, suspended, pendingSellers] = await Promise.all([
    db.user.groupBy({ by: ["role"], _count: { _all: true } }),
    db.user.count({ where: { status: "SUSPENDED" } }),
    db.seller.count({ where: { status: "PENDING" } }),
  ]);
  const byRole: Record<Role, number> = { BUYER: 0, SELLER: 0, ADMIN: 0 };
  for (const group of groups) byRole[group.role] = group._count._all;
  return { byRole, suspended, pendingSellers, total: byRole.BUYER + byRole.SELLER + byRole.ADMIN };
}
