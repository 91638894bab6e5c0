import { bazaarEvent, inngest } from "../../../events/client";
import type { EventName } from "../../../events/catalog";
import { expireStorefrontPagesAgain, storefrontChangeOf, storefrontTagsFor } from "../cache-tags";

/**
 * A product was created or edited (price, text, pictures, status), a seller changed its stock or
 * a shop was approved. The committing process already expired the storefront's pages (see
 * expireStorefrontOnCommit); this expires them again from the outbox, for a storefront that was
 * unreachable at that moment.
 */
export const storefrontRevalidation = inngest.createFunction(
  {
    id: "storefront-revalidation",
    name: "Storefront: expire cached catalog pages",
    triggers: [bazaarEvent("product/created"), bazaarEvent("product/updated"), bazaarEvent("stock/changed"), bazaarEvent("seller/approved")],
  },
  async ({ event, step }) => {
    const change = storefrontChangeOf(event.name as EventName, event.data as never);
    if (!change) return { revalidated: false };
    const tags = storefrontTagsFor(change);
    const ok = await step.run("revalidate", () => expireStorefrontPagesAgain(tags, event.ts ?? 0));
    return { revalidated: ok };
  },
);
