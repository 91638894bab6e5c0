export { GET, POST } from "@bazaar/api/http/uploadthing";
