import { serve } from "inngest/next";
import { getEnv } from "../env";
import { inngest } from "../events/client";
import { functions } from "../events/functions";
import { jsonError } from "./respond";

/**
 * The endpoint Inngest (the dev server or Inngest Cloud) syncs and calls to run Bazaar's
 * functions; mounted by the admin console at /api/inngest. In cloud mode the SDK verifies every
 * request with INNGEST_SIGNING_KEY. Without Inngest, the worker runs the same functions itself,
 * and this route says so instead of letting the SDK fail for want of a key.
 */
const served = serve({ client: inngest, functions: [...functions] });

type Handler = (request: Request, context: unknown) => Promise<Response>;

const configured = () => {
  const env = getEnv();
  return Boolean(env.INNGEST_SIGNING_KEY || env.INNGEST_DEV);
};

const notConfigured = () =>
  jsonError(404, "NOT_FOUND", "Inngest is not configured here (no INNGEST_SIGNING_KEY or INNGEST_DEV): background functions run in Bazaar's worker.");

const guarded =
  (handler: unknown): Handler =>
  (request, context) =>
    configured() ? (handler as Handler)(request, context) : Promise.resolve(notConfigured());

export const GET = guarded(served.GET);
export const POST = guarded(served.POST);
export const PUT = guarded(served.PUT);
