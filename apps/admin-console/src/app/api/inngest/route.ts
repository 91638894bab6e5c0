// Inngest syncs and invokes Bazaar's functions here (see docs/inngest.md).
export { GET, POST, PUT } from "@bazaar/api/http/inngest";

export const dynamic = "force-dynamic";
