import "server-only";

import { cache } from "react";
import { getEnv } from "~/env";
import { api } from "~/trpc/server";

type Account = NonNullable<Awaited<ReturnType<typeof api.account.me>>>;

/** Whether the signed-in user may use the admin console, and if not, why. */
export type AdminAccess =
  | { kind: "signed-out" }
  | { kind: "admin"; account: Account }
  | {
      kind: "refused";
      account: Account;
      title: string;
      reason: string;
      elsewhere: { label: string; href: string } | null;
    };

/** Read once per request from the database (not the session cookie), so a demotion applies at once. */
export const getAdminAccess = cache(async (): Promise<AdminAccess> => {
  const account = await api.account.me();
  if (!account) return { kind: "signed-out" };
  if (account.status === "SUSPENDED") {
    return {
      kind: "refused",
      account,
      title: "Your account is suspended",
      reason: "Contact support@bazaar.test to reinstate it.",
      elsewhere: null,
    };
  }
  if (account.role === "ADMIN") return { kind: "admin", account };
  const env = getEnv();
  const isSeller = account.role === "SELLER";
  return {
    kind: "refused",
    account,
    title: "The admin console is for Bazaar administrators",
    reason: `You are signed in as ${account.email}, which is a ${isSeller ? "seller" : "buyer"} account, so it cannot open the admin console. Sign out and sign in with an administrator account.`,
    elsewhere: isSeller ? { label: "Go to the seller console", href: env.SELLER_CONSOLE_URL } : { label: "Go to the storefront", href: env.STOREFRONT_URL },
  };
});
