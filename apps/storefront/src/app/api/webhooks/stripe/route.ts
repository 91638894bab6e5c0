import { POST } from "@bazaar/api/http/stripe-webhook";
import { offerRouteToServer } from "~/lib/serve-routes";

// From now on the storefront's server (server.mjs) calls this handler before Next does.
offerRouteToServer("/api/webhooks/stripe", ["POST"], POST);

export { POST };
