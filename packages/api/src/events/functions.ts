import type { InngestFunction } from "inngest";

/**
 * Every Inngest function Bazaar has, one definition per file beside the domain it serves. Served
 * at /api/inngest when Inngest is configured and run by the in-process relay when it is not.
 */
export const functions: readonly InngestFunction.Any[] = [];
