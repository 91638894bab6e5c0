import { getEnv } from "../env";
import { LocalMediaStore } from "./local-store";
import type { MediaStore } from "./types";
import { verifyMediaReceipt } from "./signing";
import { UploadThingMediaStore } from "./uploadthing-store";

export type { BrowserUpload, CreateBrowserUploadInput, MediaStore, MediaUploadResult, PutMediaInput, StoredMedia } from "./types";
export { LocalMediaStore, LOCAL_MEDIA_PATH, LOCAL_UPLOAD_PATH, contentTypeOfKey } from "./local-store";
export { UploadThingMediaStore, UPLOADTHING_PATH, PRODUCT_IMAGE_ENDPOINT } from "./uploadthing-store";
export {
  isSafeMediaKey,
  newMediaKey,
  orderOfReturnPhotoOwner,
  productImagePrefix,
  RETURN_PHOTO_UPLOAD_PATH,
  returnPhotoOwner,
  returnPhotoPrefix,
} from "./keys";
export { UPLOAD_TICKET_HEADER, createUploadTicket, verifyUploadTicket, signMediaReceipt, verifyMediaReceipt } from "./signing";
export { ACCEPTED_IMAGE_TYPES, MAX_IMAGE_BYTES, assertImageMeta, validateImage, type ImageContentType } from "./validate-image";

const secret = () => getEnv().AUTH_SECRET;

let cached: { token: string | undefined; store: MediaStore } | undefined;

/** UploadThing when UPLOADTHING_TOKEN is set, the local file store otherwise. */
export function getMediaStore(): MediaStore {
  const token = getEnv().UPLOADTHING_TOKEN;
  // Rebuilt when the token changes, so tests that reset the environment get the right store.
  if (!cached || cached.token !== token) {
    cached = { token, store: token ? new UploadThingMediaStore({ token, secret }) : new LocalMediaStore({ secret }) };
  }
  return cached.store;
}

/** The store that serves /media/<key>: always the local one, which also holds the seed's images. */
export function getLocalMediaStore(): LocalMediaStore {
  return new LocalMediaStore({ secret });
}

/**
 * True when `receipt` came from this deployment's upload routes for exactly this owner, key and
 * url. Whatever attaches an uploaded image to a product checks it first.
 */
export function isGenuineUpload(input: { ownerId: string; key: string; url: string; receipt: string }): boolean {
  return verifyMediaReceipt(secret(), input);
}
