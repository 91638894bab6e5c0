import type { Role, SellerStatus, UserStatus } from "@bazaar/db";
import { DomainError } from "./errors";

/** Who is calling, as loaded fresh from the database for each request. */
export interface Actor {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  status: UserStatus;
  /** The seller profile of a SELLER user, whatever its approval status. */
  sellerId: string | null;
  sellerStatus: SellerStatus | null;
}

export function requireSeller(actor: Actor | null): Actor & { sellerId: string } {
  if (!actor) throw new DomainError("UNAUTHORIZED", "Sign in as a seller to continue.");
  if (actor.role !== "SELLER" || !actor.sellerId) throw new DomainError("FORBIDDEN", "This needs a seller account.");
  if (actor.sellerStatus === "PENDING") throw new DomainError("FORBIDDEN", "Your shop is awaiting approval by the Bazaar team.");
  if (actor.sellerStatus === "REJECTED") throw new DomainError("FORBIDDEN", "Your shop application was not approved.");
  if (actor.sellerStatus === "SUSPENDED") throw new DomainError("FORBIDDEN", "Your shop is suspended. Contact support to reinstate it.");
  return actor as Actor & { sellerId: string };
}

export function requireAdmin(actor: Actor | null): Actor {
  if (!actor) throw new DomainError("UNAUTHORIZED", "Sign in as an administrator to continue.");
  if (actor.role !== "ADMIN") throw new DomainError("FORBIDDEN", "Only administrators may do this.");
  return actor;
}

export function requireUser(actor: Actor | null): Actor {
  if (!actor) throw new DomainError("UNAUTHORIZED", "Sign in to continue.");
  return actor;
}
