import { bazaarEvent, inngest } from "../../../events/client";
import { revalidateStorefront } from "../cache-tags";

/**
 * A product was created or edited (price, text, pictures, status) or a seller changed its stock:
 * the storefront's cached listings and product pages expire, so buyers see the change on their
 * next visit. Runs after the change committed (it is an outbox event).
 */
export const storefrontRevalidation = inngest.createFunction(
  {
    id: "storefront-revalidation",
    name: "Storefront: expire cached catalog pages",
    triggers: [bazaarEvent("product/created"), bazaarEvent("product/updated"), bazaarEvent("stock/changed")],
  },
  async ({ event, step }) => {
    const ok = await step.run("revalidate", () => revalidateStorefront([event.data.productId]));
    return { revalidated: ok };
  },
);
