import { z } from "zod";
import { getMediaStore } from "../media";
import { sellerProcedure, router } from "../trpc";

const ZBrowserUploadSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("local"),
    url: z.string(),
    fieldName: z.literal("file"),
    headers: z.record(z.string(), z.string()),
    maxBytes: z.number().int(),
    accept: z.array(z.string()),
  }),
  z.object({
    kind: z.literal("uploadthing"),
    url: z.string(),
    endpoint: z.string(),
    headers: z.record(z.string(), z.string()),
    maxBytes: z.number().int(),
    accept: z.array(z.string()),
  }),
]);

export const mediaRouter = router({
  /** How this seller's browser uploads product images right now (a short-lived, signed ticket). */
  createProductImageUpload: sellerProcedure
    .output(ZBrowserUploadSchema)
    .mutation(({ ctx }) => getMediaStore().createBrowserUpload({ ownerId: ctx.actor.sellerId })),
});
