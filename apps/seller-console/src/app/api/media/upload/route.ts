export { POST } from "@bazaar/api/http/media";
