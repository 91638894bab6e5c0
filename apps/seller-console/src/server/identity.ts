import "server-only";

import { headers } from "next/headers";
import { clientIpOf } from "@bazaar/api/http/client-ip";
import type { RequestIdentity } from "@bazaar/api/server";
import { auth } from "~/auth";

/** Who is asking: shared by the /api/trpc route and server components. */
export async function requestIdentity(): Promise<RequestIdentity> {
  const [session, head] = await Promise.all([auth(), headers()]);
  return { userId: session?.user.id ?? null, sessionVersion: session?.user.sessionVersion, clientIp: clientIpOf(head) };
}
