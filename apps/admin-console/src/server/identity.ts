import "server-only";

import type { RequestIdentity } from "@bazaar/api/server";
import { auth } from "~/auth";

/** Who is asking: shared by the /api/trpc route and server components. */
export async function requestIdentity(): Promise<RequestIdentity> {
  const session = await auth();
  return { userId: session?.user.id ?? null, sessionVersion: session?.user.sessionVersion };
}
