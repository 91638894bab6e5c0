export { GET } from "@bazaar/api/http/media";
