import { createAuth } from "@bazaar/api/auth";

export const { handlers, auth, signIn, signOut } = createAuth("admin-console");
