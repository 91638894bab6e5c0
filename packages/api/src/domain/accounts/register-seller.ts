import type { PrismaClient } from "@bazaar/db";
import { DomainError } from "../../errors";
import { readPlatformSettings } from "../settings/settings";
import { emailTaken } from "./register-buyer";
import { hashPassword } from "./password";
import { ZRegisterSellerSchema, type RegisterSellerInput } from "../../validators/accounts";
import { uniqueViolationFields } from "./unique-violation";

const slugTaken = (slug: string) => new DomainError("CONFLICT", `The shop address "${slug}" is taken. Choose another one.`, { field: "slug" });

/**
 * Creates a seller account and its shop, PENDING until an administrator approves it.
 * Checks email and slug first for clear messages; the unique indexes still decide races.
 */
export async function registerSeller(db: PrismaClient, input: RegisterSellerInput) {
  const data = ZRegisterSellerSchema.parse(input);
  const [emailUser, slugShop, settings] = await Promise.all([
    db.user.findUnique({ where: { email: data.email }, select: { id: true } }),
    db.seller.findUnique({ where: { slug: data.slug }, select: { id: true } }),
    readPlatformSettings(db),
  ]);
  if (emailUser) throw emailTaken();
  if (slugShop) throw slugTaken(data.slug);

  const passwordHash = await hashPassword(data.password);
  try {
    return await db.user.create({
      data: {
        email: data.email,
        name: data.name,
        passwordHash,
        role: "SELLER",
        seller: {
          create: {
            shopName: data.shopName,
            slug: data.slug,
            contactEmail: data.contactEmail,
            status: "PENDING",
            // The admin's shipping defaults at the time of sign-up; the seller edits their own later.
            shippingFlatCents: settings.shippingDefaultFlatCents,
            freeShippingOverCents: settings.shippingDefaultFreeOverCents,
          },
        },
      },
      select: { id: true, email: true, name: true, role: true, seller: { select: { id: true, slug: true, status: true } } },
    });
  } catch (error) {
    const fields = uniqueViolationFields(error);
    if (fields?.includes("slug")) throw slugTaken(data.slug);
    if (fields) throw emailTaken();
    throw error;
  }
}
