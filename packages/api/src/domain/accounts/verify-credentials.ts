import type { PrismaClient, Role } from "@bazaar/db";
import { DomainError } from "../../errors";
import { verifyPassword } from "./password";
import { ZSignInSchema } from "../../validators/accounts";

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /** Carried by the session, which is signed out once the password changes (the version moves on). */
  sessionVersion: number;
}

/**
 * Checks an email and password. Wrong email and wrong password fail alike (UNAUTHORIZED);
 * a suspended account fails with FORBIDDEN and says so, once the password proved who is asking.
 */
export async function verifyCredentials(db: PrismaClient, input: unknown): Promise<SignedInUser> {
  const parsed = ZSignInSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("UNAUTHORIZED", "Enter your email and password.");
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, status: true, passwordHash: true, sessionVersion: true },
  });
  if (!(await verifyPassword(password, user?.passwordHash ?? null)) || !user) {
    throw new DomainError("UNAUTHORIZED", "That email and password do not match an account.");
  }
  if (user.status === "SUSPENDED") {
    throw new DomainError("FORBIDDEN", "This account is suspended. Contact support@bazaar.test to find out why and to reinstate it.");
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
