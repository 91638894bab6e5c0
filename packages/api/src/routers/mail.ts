import { EmailStatus } from "@bazaar/db";
import { z } from "zod";
import { getEmail, listEmails } from "../mail/mailbox";
import { templates } from "../mail/templates";
import { adminProcedure, router } from "../trpc";

const ZEmailStatusSchema = z.enum(EmailStatus);

const ZEmailSummarySchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  status: ZEmailStatusSchema,
  error: z.string().nullable(),
  sentAt: z.date().nullable(),
  createdAt: z.date(),
});

export const ZListEmailsSchema = z.object({
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(200).default(50),
  to: z.string().trim().max(200).optional(),
  template: z.string().trim().max(60).optional(),
  status: ZEmailStatusSchema.optional(),
});

/** The admin console's local mailbox. */
export const mailRouter = router({
  list: adminProcedure
    .input(ZListEmailsSchema)
    .output(z.object({ items: z.array(ZEmailSummarySchema), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listEmails(ctx.db, ctx.actor, input)),
  get: adminProcedure
    .input(z.object({ id: z.string().min(1) }))
    .output(ZEmailSummarySchema.extend({ html: z.string(), text: z.string(), dedupeKey: z.string().nullable() }))
    .query(({ ctx, input }) => getEmail(ctx.db, ctx.actor, input.id)),
  templates: adminProcedure.output(z.array(z.string())).query(() => Object.keys(templates)),
});
