// UploadThing as the media store (when UPLOADTHING_TOKEN is set). Files live on UploadThing's
// servers and are served from its CDN, so `url` is absolute. The SDK reads UPLOADTHING_API_URL
// and UPLOADTHING_INGEST_URL too; tests pass `apiUrl` / `ingestUrl` to point it at a stub.
import type { UTApi, UTFile } from "uploadthing/server";
import { badRequest } from "../errors";
import { newMediaKey } from "./keys";
import { createUploadTicket, UPLOAD_TICKET_HEADER } from "./signing";
import type { BrowserUpload, CreateBrowserUploadInput, MediaStore, PutMediaInput, StoredMedia } from "./types";
import { ACCEPTED_IMAGE_TYPES, IMAGE_TYPES, MAX_IMAGE_BYTES, normalizeImageType } from "./validate-image";

/** Where apps mount the UploadThing route handler (http/uploadthing.ts). */
export const UPLOADTHING_PATH = "/api/uploadthing";
/** The file route sellers upload product images through. */
export const PRODUCT_IMAGE_ENDPOINT = "productImage";

export interface UploadThingMediaStoreOptions {
  token: string;
  secret: string | (() => string);
  apiUrl?: string;
  ingestUrl?: string;
  fetch?: typeof globalThis.fetch;
}

export class UploadThingMediaStore implements MediaStore {
  readonly kind = "uploadthing" as const;
  private readonly secret: () => string;
  private api: Promise<{ api: UTApi; UTFile: typeof UTFile }> | undefined;

  constructor(private readonly options: UploadThingMediaStoreOptions) {
    const { secret } = options;
    this.secret = typeof secret === "function" ? secret : () => secret;
  }

  // The SDK (Effect and friends) loads on first use, so apps that only serve local media or
  // hand out upload tickets never pay for it.
  private sdk() {
    this.api ??= import("uploadthing/server").then(({ UTApi, UTFile }) => ({
      UTFile,
      api: new UTApi({
        token: this.options.token,
        logLevel: "Error",
        ...(this.options.apiUrl ? { apiUrl: this.options.apiUrl } : {}),
        ...(this.options.ingestUrl ? { ingestUrl: this.options.ingestUrl } : {}),
        ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      }),
    }));
    return this.api;
  }

  async put(input: PutMediaInput): Promise<StoredMedia> {
    const contentType = normalizeImageType(input.contentType);
    if (!contentType) throw badRequest(`Only images can be stored, not ${input.contentType}.`);
    // Our key travels as UploadThing's customId (for finding the file in its dashboard); the
    // file key UploadThing assigns is what deletes it, so that is the key we return.
    const ourKey = newMediaKey(input.prefix, IMAGE_TYPES[contentType]);
    const { api, UTFile } = await this.sdk();
    const name = input.fileName ?? ourKey.split("/").pop() ?? "image";
    const file = new UTFile([new Uint8Array(input.bytes)], name, { type: contentType, customId: ourKey.replaceAll("/", "_") });
    const result = await api.uploadFiles(file);
    if (result.error) throw new Error(`UploadThing refused the upload (${result.error.code}): ${result.error.message}`);
    return { key: result.data.key, url: result.data.ufsUrl };
  }

  async delete(key: string): Promise<void> {
    const { api } = await this.sdk();
    await api.deleteFiles(key);
  }

  createBrowserUpload(input: CreateBrowserUploadInput): BrowserUpload {
    return {
      kind: "uploadthing",
      url: input.url ?? UPLOADTHING_PATH,
      endpoint: PRODUCT_IMAGE_ENDPOINT,
      headers: { [UPLOAD_TICKET_HEADER]: createUploadTicket(this.secret(), input.ownerId) },
      maxBytes: MAX_IMAGE_BYTES,
      accept: ACCEPTED_IMAGE_TYPES,
    };
  }
}
