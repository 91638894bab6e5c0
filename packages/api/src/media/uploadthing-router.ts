// The UploadThing file route sellers' browsers upload product images through. UploadThing's
// flow: the browser asks this route for presigned URLs (the middleware below decides who may),
// uploads straight to UploadThing with progress, and UploadThing calls this route back when a
// file is stored; what `onUploadComplete` returns reaches the browser as `serverData`.
import { createRouteHandler, createUploadthing, UploadThingError, type FileRouter } from "uploadthing/server";
import { isDomainError } from "../errors";
import { signMediaReceipt, UPLOAD_TICKET_HEADER, verifyUploadTicket } from "./signing";
import type { MediaUploadResult } from "./types";
import { ACCEPTED_IMAGE_TYPES, assertImageMeta } from "./validate-image";
import { PRODUCT_IMAGE_ENDPOINT } from "./uploadthing-store";

// UploadThing only takes power-of-two sizes; the 5 MB rule is enforced in the middleware.
const routeConfig = Object.fromEntries(ACCEPTED_IMAGE_TYPES.map((type) => [type, { maxFileSize: "8MB" as const, maxFileCount: 10 }]));

/** UploadThing shows an UploadThingError's message to the uploader; anything else becomes "Failed to run middleware". */
function asUploadThingError(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  const code = error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN" ? "FORBIDDEN" : "BAD_REQUEST";
  return new UploadThingError({ code, message: error.message });
}

export function createProductImageRouter(secret: () => string) {
  const f = createUploadthing();
  return {
    [PRODUCT_IMAGE_ENDPOINT]: f(routeConfig)
      .middleware(({ req, files }) => {
        try {
          const { ownerId } = verifyUploadTicket(secret(), req.headers.get(UPLOAD_TICKET_HEADER));
          for (const file of files) assertImageMeta({ contentType: file.type, size: file.size, name: file.name });
          return { ownerId };
        } catch (error) {
          throw asUploadThingError(error);
        }
      })
      .onUploadComplete(({ metadata, file }): MediaUploadResult => {
        const stored = { ownerId: metadata.ownerId, key: file.key, url: file.ufsUrl };
        return { key: file.key, url: file.ufsUrl, contentType: file.type, size: file.size, receipt: signMediaReceipt(secret(), stored) };
      }),
  } satisfies FileRouter;
}

export type ProductImageRouter = ReturnType<typeof createProductImageRouter>;

export interface UploadThingRouteOptions {
  token: string;
  /** Signs receipts and checks tickets (AUTH_SECRET). */
  secret: () => string;
  /** Overrides for tests against a stub UploadThing; production leaves them to the SDK's defaults. */
  ingestUrl?: string;
  isDev?: boolean;
}

/** The web-standard (Request => Response) handler of the product image route. */
export function createUploadThingRouteHandler(options: UploadThingRouteOptions): (request: Request) => Promise<Response> {
  return createRouteHandler({
    router: createProductImageRouter(options.secret),
    config: {
      token: options.token,
      logLevel: "Error",
      ...(options.ingestUrl ? { ingestUrl: options.ingestUrl } : {}),
      ...(options.isDev !== undefined ? { isDev: options.isDev } : {}),
    },
  });
}
