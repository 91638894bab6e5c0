import { createTrpcHandler } from "@bazaar/api/server";
import { requestIdentity } from "~/server/identity";

const handler = createTrpcHandler(requestIdentity, "storefront");

export { handler as GET, handler as POST };
