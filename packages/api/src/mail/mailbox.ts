import type { EmailStatus, PrismaClient } from "@bazaar/db";
import { requireAdmin, type Actor } from "../actor";
import { notFound } from "../errors";

// The local mailbox: every mail the system sent (or stored, with no SMTP), for administrators.

export interface ListEmailsInput {
  cursor?: string | null;
  limit?: number;
  /** Part of the recipient's address. */
  to?: string;
  template?: string;
  status?: EmailStatus;
}

export async function listEmails(db: PrismaClient, actor: Actor | null, input: ListEmailsInput = {}) {
  requireAdmin(actor);
  const limit = input.limit ?? 50;
  const rows = await db.email.findMany({
    where: {
      ...(input.to ? { to: { contains: input.to, mode: "insensitive" as const } } : {}),
      ...(input.template ? { template: input.template } : {}),
      ...(input.status ? { status: input.status } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: { id: true, to: true, subject: true, template: true, status: true, error: true, sentAt: true, createdAt: true },
  });
  return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null };
}

export async function getEmail(db: PrismaClient, actor: Actor | null, id: string) {
  requireAdmin(actor);
  const email = await db.email.findUnique({ where: { id } });
  if (!email) throw notFound("That email");
  return email;
}
