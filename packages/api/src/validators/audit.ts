import { z } from "zod";
import { ZInputDate } from "./dates";

export const ZListAuditLogsSchema = z.object({
  /** Matches the action ("seller."), the entity id, or the actor's email. */
  q: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(100).optional(),
  actorId: z.string().trim().max(100).optional(),
  from: ZInputDate.optional(),
  to: ZInputDate.optional(),
  cursor: z.string().max(100).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
