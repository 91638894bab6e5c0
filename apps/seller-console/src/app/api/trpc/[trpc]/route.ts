import { createTrpcHandler } from "@bazaar/api/server";
import { requestIdentity } from "~/server/identity";

const handler = createTrpcHandler(requestIdentity, "seller-console");

export { handler as GET, handler as POST };
