import type { PrismaClient } from "@bazaar/db";
import { DomainError } from "../../errors";
import { hashPassword } from "./password";
import { ZRegisterBuyerSchema, type RegisterBuyerInput } from "../../validators/accounts";
import { uniqueViolationFields } from "./unique-violation";

export const emailTaken = () =>
  new DomainError("CONFLICT", "An account with this email already exists. Sign in instead, or use another email.", { field: "email" });

/** Creates a buyer account. The email is stored lower-cased; a taken email is a CONFLICT on `email`. */
export async function registerBuyer(db: PrismaClient, input: RegisterBuyerInput) {
  const data = ZRegisterBuyerSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.user.create({
      data: { email: data.email, name: data.name, passwordHash, role: "BUYER" },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    if (uniqueViolationFields(error)) throw emailTaken();
    throw error;
  }
}
