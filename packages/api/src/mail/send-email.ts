import { createHash, randomUUID } from "node:crypto";
import { Prisma, sqlOn, type EmailStatus, type PrismaClient } from "@bazaar/db";
import { notificationInsert, type NotifyInput } from "../domain/notifications";
import { getEnv } from "../env";
import { renderEmail } from "./render";
import type { TemplateName, TemplateProps } from "./templates";
import { getMailTransport } from "./transport";

export interface SendEmailInput<N extends TemplateName> {
  to: string;
  template: N;
  props: TemplateProps<N>;
  /** Names this mail once and for all ("order-confirmation:<orderId>"): a retried step never sends it twice. */
  dedupeKey: string;
  /** The same message in the app: stored in the mail's statement, once per its own dedupeKey. */
  notification?: NotifyInput;
}

export interface SentEmail {
  id: string;
  status: EmailStatus;
}

/**
 * Stores the mail in the Email table (the local mailbox) and, when SMTP_URL is set, sends it.
 * The stored row, unique by dedupeKey, is what makes a repeat a no-op: a mail already SENT (or
 * STORED with no SMTP) is not sent again. A failed send is kept as FAILED and thrown, so the
 * calling step retries it.
 */
export async function sendEmail<N extends TemplateName>(db: PrismaClient, input: SendEmailInput<N>): Promise<SentEmail> {
  const rendered = await renderEmail(input.template, input.props);
  // A new mail is stored in one statement (with its notification), which answers with it (Prisma
  // would send a createMany inside BEGIN / COMMIT, then read it back); a repeat finds the stored
  // one. The id column has no database default (Prisma makes cuids in the client); a random UUID
  // serves as well.
  const [stored] = await sqlOn(db).$queryRaw<SentEmail[]>`
    ${input.notification ? Prisma.sql`WITH notified AS (${notificationInsert(input.notification)})` : Prisma.empty}
    INSERT INTO "Email" ("id", "to", "subject", "html", "text", "template", "dedupeKey", "status", "createdAt")
    VALUES (${randomUUID()}, ${input.to}, ${rendered.subject}, ${rendered.html}, ${rendered.text}, ${input.template}, ${input.dedupeKey}, 'STORED', ${new Date()})
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "id", "status"`;
  const transport = getMailTransport();
  if (!transport) return stored ?? db.email.findUniqueOrThrow({ where: { dedupeKey: input.dedupeKey }, select: { id: true, status: true } });

  const outcome = await db.$transaction(
    async (tx) => {
      // The row lock makes a concurrent retry of the same mail wait, then find it sent.
      const [row] = await tx.$queryRaw<SentEmail[]>`SELECT id, status FROM "Email" WHERE "dedupeKey" = ${input.dedupeKey} FOR UPDATE`;
      if (!row) throw new Error(`Email ${input.dedupeKey} vanished while sending`);
      if (row.status === "SENT") return { email: row, error: null };
      try {
        await transport.sendMail({
          from: getEnv().MAIL_FROM,
          to: input.to,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
          // Stable per mail, so a resend after a crash mid-send is recognisably the same message.
          messageId: `<${createHash("sha256").update(input.dedupeKey).digest("hex").slice(0, 32)}@bazaar.mail>`,
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await tx.email.update({ where: { id: row.id }, data: { status: "FAILED", error: message.slice(0, 2000) } });
        return { email: { id: row.id, status: "FAILED" as const }, error: message };
      }
      await tx.email.update({ where: { id: row.id }, data: { status: "SENT", sentAt: new Date(), error: null } });
      return { email: { id: row.id, status: "SENT" as const }, error: null };
    },
    { timeout: 30_000 },
  );
  if (outcome.error) throw new Error(`Sending "${rendered.subject}" to ${input.to} failed: ${outcome.error}`);
  return outcome.email;
}
