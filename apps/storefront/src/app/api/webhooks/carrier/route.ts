export { POST } from "@bazaar/api/http/carrier-webhook";
