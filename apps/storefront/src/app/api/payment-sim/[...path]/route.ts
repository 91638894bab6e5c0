export { POST } from "@bazaar/api/http/payment-simulator";
