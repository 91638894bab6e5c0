import "server-only";

import { createCaller, createContext } from "@bazaar/api/server";

/**
 * The API as an anonymous visitor sees it: for public reads inside cached functions, which
 * must not read the request's cookies (a cached result is shared by every visitor).
 */
export const publicApi = createCaller(() => createContext({ userId: null }));
