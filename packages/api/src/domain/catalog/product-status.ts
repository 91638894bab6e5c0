import type { ProductStatus } from "@bazaar/db";

export type ProductAction = "publish" | "unpublish" | "archive" | "restore";

/** What each seller action does to a product's status; anything else is refused. */
const TRANSITIONS: Record<ProductAction, { from: readonly ProductStatus[]; to: ProductStatus }> = {
  publish: { from: ["DRAFT"], to: "ACTIVE" },
  unpublish: { from: ["ACTIVE"], to: "DRAFT" },
  archive: { from: ["DRAFT", "ACTIVE"], to: "ARCHIVED" },
  restore: { from: ["ARCHIVED"], to: "DRAFT" },
};

const VERB: Record<ProductAction, string> = { publish: "publish", unpublish: "unpublish", archive: "archive", restore: "restore" };

/** The status after `action`, or a sentence saying why it cannot happen from `status`. */
export function nextProductStatus(status: ProductStatus, action: ProductAction): { ok: true; status: ProductStatus } | { ok: false; reason: string } {
  const transition = TRANSITIONS[action];
  if (transition.from.includes(status)) return { ok: true, status: transition.to };
  const hint = status === "ARCHIVED" ? " Restore it to a draft first." : status === "ACTIVE" && action === "publish" ? " It is already published." : "";
  return { ok: false, reason: `You cannot ${VERB[action]} a product that is ${status.toLowerCase()}.${hint}` };
}
