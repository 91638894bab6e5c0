import type { PrismaClient } from "@bazaar/db";
import { DomainError, isDomainError } from "../../errors";
import { assertSignInAllowed, recordFailedSignIn, recordSuccessfulSignIn } from "../../throttle/limits";
import { ZSignInSchema } from "../../validators/accounts";
import { attachGuestOrders } from "../orders/order-access";
import { verifyCredentials, type SignedInUser } from "./verify-credentials";

/**
 * A sign-in attempt, throttled: repeated wrong passwords for an account make each next attempt
 * wait longer, then lock the account for a while (TOO_MANY_REQUESTS, with the time to wait);
 * so do many failures from one address. A good password clears the account's count.
 */
export async function authenticate(db: PrismaClient, input: unknown, client: { ip: string | null }): Promise<SignedInUser> {
  const parsed = ZSignInSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("UNAUTHORIZED", "Enter your email and password.");
  const { email } = parsed.data;
  await assertSignInAllowed(db, email, client.ip);
  try {
    const user = await verifyCredentials(db, parsed.data);
    await recordSuccessfulSignIn(db, email);
    // Orders placed as a guest with this (verified) address since the last sign-in become theirs.
    await attachGuestOrders(db, user.id);
    return user;
  } catch (error) {
    if (isDomainError(error) && error.code === "UNAUTHORIZED") await recordFailedSignIn(db, email, client.ip);
    throw error;
  }
}
