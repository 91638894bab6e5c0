import { createNodeTrpcHandler, createTrpcHandler } from "@bazaar/api/server";
import { offerRouteToServer } from "~/lib/serve-routes";
import { identityOf } from "~/server/identity";

const handler = createTrpcHandler(identityOf, "storefront");

// From now on the storefront's server (server.mjs) answers /api/trpc before Next does: plain calls
// on Node's own request and response, the rest with this handler.
offerRouteToServer("/api/trpc/", ["GET", "POST"], handler, createNodeTrpcHandler(identityOf, "storefront"));

export { handler as GET, handler as POST };
