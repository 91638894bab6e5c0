import "server-only";

import { redirect } from "next/navigation";
import { auth } from "~/auth";

/** The signed-in user, or a trip to the sign-in page that comes back to `path` afterwards. */
export async function requireSignIn(path: string) {
  const session = await auth();
  if (!session?.user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return session.user;
}
