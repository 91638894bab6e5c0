export { POST } from "@bazaar/api/http/stripe-webhook";
