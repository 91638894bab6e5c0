import type { SellerStatus } from "@bazaar/db";

export type SellerDecision = "approve" | "reject" | "suspend" | "reinstate";

// What an administrator may do to a shop in each state: anything else is refused.
// A rejected applicant may be approved later (they fixed what was wrong); a suspended shop
// comes back through reinstatement, never through approval, so its history stays readable.
export const SELLER_DECISIONS: Readonly<Record<SellerDecision, { from: readonly SellerStatus[]; to: SellerStatus }>> = {
  approve: { from: ["PENDING", "REJECTED"], to: "APPROVED" },
  reject: { from: ["PENDING"], to: "REJECTED" },
  suspend: { from: ["APPROVED"], to: "SUSPENDED" },
  reinstate: { from: ["SUSPENDED"], to: "APPROVED" },
};

const pastTense: Record<SellerDecision, string> = {
  approve: "approved",
  reject: "rejected",
  suspend: "suspended",
  reinstate: "reinstated",
};

const describe: Record<SellerStatus, string> = {
  PENDING: "awaiting approval",
  APPROVED: "approved",
  REJECTED: "rejected",
  SUSPENDED: "suspended",
};

/** The status a decision leads to, or why it cannot be taken from `from`. */
export function decideSellerStatus(from: SellerStatus, decision: SellerDecision): { ok: true; to: SellerStatus } | { ok: false; message: string } {
  const rule = SELLER_DECISIONS[decision];
  if (rule.from.includes(from)) return { ok: true, to: rule.to };
  return {
    ok: false,
    message: `This shop is ${describe[from]}, so it cannot be ${pastTense[decision]}.`,
  };
}
