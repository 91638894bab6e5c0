import { nextjs } from "@bazaar/eslint-config/nextjs";

export default nextjs;
