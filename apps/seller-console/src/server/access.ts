import "server-only";

import { cache } from "react";
import { api } from "~/trpc/server";

type Account = NonNullable<Awaited<ReturnType<typeof api.account.me>>>;

/** Whether the signed-in user may use the seller console, and if not, why. */
export type SellerAccess =
  | { kind: "signed-out" }
  | { kind: "approved"; account: Account; seller: NonNullable<Account["seller"]> }
  | { kind: "refused"; account: Account; title: string; reason: string; tone: "warning" | "danger" | "info" };

/**
 * Read once per request (the layout gates on it; a page may call it again for free). It asks the
 * database, not the session cookie, so an approval or suspension applies on the next request.
 */
export const getSellerAccess = cache(async (): Promise<SellerAccess> => {
  const account = await api.account.me();
  if (!account) return { kind: "signed-out" };
  if (account.status === "SUSPENDED") {
    return { kind: "refused", account, tone: "danger", title: "Your account is suspended", reason: "Contact support@bazaar.test to reinstate it." };
  }
  const seller = account.seller;
  if (account.role !== "SELLER" || !seller) {
    return {
      kind: "refused",
      account,
      tone: "warning",
      title: "This console is for sellers",
      reason: `You are signed in as ${account.email}, which is ${account.role === "ADMIN" ? "an administrator" : "a buyer"} account. Sign out and sign in with your seller account, or open a shop with a new account.`,
    };
  }
  switch (seller.status) {
    case "APPROVED":
      return { kind: "approved", account, seller };
    case "PENDING":
      return {
        kind: "refused",
        account,
        tone: "info",
        title: "Your shop is awaiting approval",
        reason: `Thanks for applying to sell on Bazaar as ${seller.shopName}. The Bazaar team reviews new shops, usually within two working days, and emails ${account.email} when yours is approved. Until then you can't list products.`,
      };
    case "REJECTED":
      return {
        kind: "refused",
        account,
        tone: "danger",
        title: "Your shop application was not approved",
        reason: seller.statusReason ?? "Contact support@bazaar.test for details.",
      };
    case "SUSPENDED":
      return {
        kind: "refused",
        account,
        tone: "danger",
        title: "Your shop is suspended",
        reason: seller.statusReason ? `${seller.statusReason} Contact support@bazaar.test to reinstate it.` : "Contact support@bazaar.test to reinstate it.",
      };
  }
});
