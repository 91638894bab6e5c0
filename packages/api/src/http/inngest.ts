import { serve } from "inngest/next";
import { inngest } from "../events/client";
import { functions } from "../events/functions";

/**
 * The endpoint Inngest (the dev server or Inngest Cloud) syncs and calls to run Bazaar's
 * functions; mounted by the admin console at /api/inngest. In cloud mode the SDK verifies every
 * request with INNGEST_SIGNING_KEY. Without Inngest, the worker runs the same functions itself.
 */
export const { GET, POST, PUT } = serve({ client: inngest, functions: [...functions] });
