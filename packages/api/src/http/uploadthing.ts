// UploadThing's route, mounted by the seller console when UPLOADTHING_TOKEN is set:
//   apps/seller-console/src/app/api/uploadthing/route.ts   export { GET, POST } from "@bazaar/api/http/uploadthing";
// Browsers ask it for presigned upload URLs and UploadThing calls it back when a file is stored.
import { getEnv } from "../env";

type Handler = (request: Request) => Promise<Response>;

let handler: Promise<Handler> | null = null;

// Built on first request: the SDK is heavy and needs the token, which local runs do not have.
function getHandler(): Promise<Handler> | null {
  const env = getEnv();
  if (!env.UPLOADTHING_TOKEN) return null;
  const token = env.UPLOADTHING_TOKEN;
  handler ??= import("../media/uploadthing-router").then(({ createUploadThingRouteHandler }) =>
    createUploadThingRouteHandler({ token, secret: () => getEnv().AUTH_SECRET }),
  );
  return handler;
}

const notConfigured = () =>
  Response.json(
    { error: { code: "NOT_FOUND", message: "UploadThing is not configured here (no UPLOADTHING_TOKEN): images upload to the local store." } },
    { status: 404 },
  );

export async function GET(request: Request): Promise<Response> {
  const h = getHandler();
  return h ? (await h)(request) : notConfigured();
}

export async function POST(request: Request): Promise<Response> {
  const h = getHandler();
  return h ? (await h)(request) : notConfigured();
}

/** For tests that switch the token. */
export function resetUploadThingHandler(): void {
  handler = null;
}
