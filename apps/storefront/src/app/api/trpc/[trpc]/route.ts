import { createTrpcHandler } from "@bazaar/api/server";
import { offerRouteToServer } from "~/lib/serve-routes";
import { identityOf } from "~/server/identity";

const handler = createTrpcHandler(identityOf, "storefront");

// From now on the storefront's server (server.mjs) calls this handler before Next does.
offerRouteToServer("/api/trpc/", ["GET", "POST"], handler);

export { handler as GET, handler as POST };
