export { POST } from "@bazaar/api/http/return-photos";
