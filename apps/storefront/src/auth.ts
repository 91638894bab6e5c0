import { createAuth } from "@bazaar/api/auth";

export const { handlers, auth, signIn, signOut, sessionOf } = createAuth("storefront");
