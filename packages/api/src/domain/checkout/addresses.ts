// The buyer's address book. Every query is scoped to the caller, so another buyer's address id
// is simply "not found".
import type { PrismaClient, Tx } from "@bazaar/db";
import { DomainError } from "../../errors";
import type { Address } from "../../validators/address";
import { inTransaction } from "../transaction";

/** Enough for home, work and a few gift addresses; more is a script, not a person. */
export const MAX_ADDRESSES = 20;

const addressSelect = {
  id: true,
  label: true,
  fullName: true,
  line1: true,
  line2: true,
  city: true,
  region: true,
  postalCode: true,
  country: true,
  phone: true,
  isDefault: true,
  createdAt: true,
} as const;

export async function listAddresses(db: Tx, userId: string) {
  return db.address.findMany({ where: { userId }, select: addressSelect, orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }] });
}

async function ownAddress(tx: Tx, userId: string, id: string) {
  const address = await tx.address.findFirst({ where: { id, userId }, select: { id: true, isDefault: true } });
  if (!address) throw new DomainError("NOT_FOUND", "That address is not in your address book. Reload the page.");
  return address;
}

export async function createAddress(db: PrismaClient, userId: string, input: Address & { isDefault?: boolean }) {
  return inTransaction(db, async (tx) => {
    const count = await tx.address.count({ where: { userId } });
    if (count >= MAX_ADDRESSES) throw new DomainError("BAD_REQUEST", `You can save up to ${MAX_ADDRESSES} addresses. Delete one first.`);
    // The first address is the default whatever the form said.
    const isDefault = count === 0 || Boolean(input.isDefault);
    if (isDefault) await tx.address.updateMany({ where: { userId, isDefault: true }, data: { isDefault: false } });
    const { isDefault: _ignored, ...fields } = input;
    return tx.address.create({ data: { ...fields, userId, isDefault }, select: addressSelect });
  });
}

export async function updateAddress(db: PrismaClient, userId: string, input: Partial<Address> & { id: string; isDefault?: boolean }) {
  return inTransaction(db, async (tx) => {
    const { id, isDefault, ...fields } = input;
    await ownAddress(tx, userId, id);
    if (isDefault) await tx.address.updateMany({ where: { userId, isDefault: true, NOT: { id } }, data: { isDefault: false } });
    return tx.address.update({
      where: { id },
      data: { ...fields, ...(isDefault ? { isDefault: true } : {}) },
      select: addressSelect,
    });
  });
}

export async function deleteAddress(db: PrismaClient, userId: string, id: string) {
  return inTransaction(db, async (tx) => {
    const address = await ownAddress(tx, userId, id);
    await tx.address.delete({ where: { id } });
    if (address.isDefault) {
      const next = await tx.address.findFirst({ where: { userId }, orderBy: { createdAt: "desc" }, select: { id: true } });
      if (next) await tx.address.update({ where: { id: next.id }, data: { isDefault: true } });
    }
    return { id };
  });
}
