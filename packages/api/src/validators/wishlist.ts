import { z } from "zod";
import { ZId } from "./cart";

export const ZWishlistEntrySchema = z.object({ productId: ZId, variantId: ZId.nullish() });
export const ZWishlistRemoveSchema = z.object({ productId: ZId });
// A guest's browser keeps at most this many; anything past it is not worth a request.
export const ZWishlistMergeSchema = z.object({ items: z.array(ZWishlistEntrySchema).max(200, "Merge at most 200 saved products at once.") });

export const ZWishlistChangeSchema = z.object({ saved: z.boolean(), count: z.number().int() });
