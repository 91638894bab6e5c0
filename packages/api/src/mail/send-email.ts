import { createHash, randomUUID } from "node:crypto";
import { Prisma, sqlOn, type EmailStatus, type PrismaClient } from "@bazaar/db";
import { notificationInsert, type NotifyInput } from "../domain/notifications";
import { getEnv } from "../env";
import { renderEmail, type RenderedEmail } from "./render";
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

/** A mail of any template, for sendEmails. */
export type AnyEmailInput = { [N in TemplateName]: SendEmailInput<N> }[TemplateName];

/**
 * Stores the mail in the Email table (the local mailbox) and, when SMTP_URL is set, sends it.
 * The stored row, unique by dedupeKey, is what makes a repeat a no-op: a mail already SENT (or
 * STORED with no SMTP) is not sent again. A failed send is kept as FAILED and thrown, so the
 * calling step retries it.
 */
export async function sendEmail<N extends TemplateName>(db: PrismaClient, input: SendEmailInput<N>): Promise<SentEmail> {
  const [sent] = await sendEmails(db, [input as unknown as AnyEmailInput]);
  return sent!;
}

/**
 * sendEmail for several mails of one event (an order's confirmation and its sellers' notices):
 * all stored in one statement with their notifications, then each sent on its own when SMTP_URL
 * is set. Every mail is tried before the first failure is thrown, so one bad address delays no
 * one else and a retry sends only what did not go out. Answers in the order given.
 */
export async function sendEmails(db: PrismaClient, inputs: readonly AnyEmailInput[]): Promise<SentEmail[]> {
  if (inputs.length === 0) return [];
  const rendered = await Promise.all(inputs.map((input) => renderEmail(input.template, input.props)));
  // New mails are stored in one statement (with their notifications), which answers with them
  // (Prisma would send a createMany inside BEGIN / COMMIT, then read it back); a repeat finds the
  // stored one. The id column has no database default (Prisma makes cuids in the client); a
  // random UUID serves as well.
  const now = new Date();
  const notified = inputs.flatMap((input, i) =>
    input.notification ? [Prisma.sql`${Prisma.raw(`"notified${i}"`)} AS (${notificationInsert(input.notification)})`] : [],
  );
  const rows = inputs.map(
    (input, i) =>
      Prisma.sql`(${randomUUID()}, ${input.to}, ${rendered[i]!.subject}, ${rendered[i]!.html}, ${rendered[i]!.text}, ${input.template}, ${input.dedupeKey}, 'STORED', ${now})`,
  );
  const stored = await sqlOn(db).$queryRaw<(SentEmail & { dedupeKey: string })[]>`
    ${notified.length ? Prisma.sql`WITH ${Prisma.join(notified)}` : Prisma.empty}
    INSERT INTO "Email" ("id", "to", "subject", "html", "text", "template", "dedupeKey", "status", "createdAt")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "id", "status", "dedupeKey"`;
  const storedByKey = new Map(stored.map(({ dedupeKey, ...email }) => [dedupeKey, email]));
  const transport = getMailTransport();
  const outcomes = await Promise.allSettled(
    inputs.map(async (input, i): Promise<SentEmail> => {
      if (!transport)
        return storedByKey.get(input.dedupeKey) ?? db.email.findUniqueOrThrow({ where: { dedupeKey: input.dedupeKey }, select: { id: true, status: true } });
      return deliverStored(db, transport, input, rendered[i]!);
    }),
  );
  const failed = outcomes.find((outcome) => outcome.status === "rejected");
  if (failed) throw failed.reason;
  return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<SentEmail>).value);
}

/** Sends a stored mail over SMTP unless it was sent before; a failure is kept as FAILED and thrown. */
async function deliverStored(
  db: PrismaClient,
  transport: NonNullable<ReturnType<typeof getMailTransport>>,
  input: AnyEmailInput,
  rendered: RenderedEmail,
): Promise<SentEmail> {
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
