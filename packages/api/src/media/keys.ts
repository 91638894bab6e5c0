import { randomUUID } from "node:crypto";
import { badRequest } from "../errors";

// A key is a relative path of plain segments, so it is safe both as a file path under the
// media directory and as a URL path under /media/.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

export function isSafeMediaKey(key: string): boolean {
  if (key.length === 0 || key.length > 512) return false;
  return key.split("/").every((segment) => SEGMENT.test(segment) && !segment.includes(".."));
}

/** A new unique key `<prefix>/<uuid>.<extension>`; the prefix groups files by owner. */
export function newMediaKey(prefix: string, extension: string): string {
  const key = `${prefix.replace(/^\/+|\/+$/g, "")}/${randomUUID()}.${extension}`;
  if (!isSafeMediaKey(key)) throw badRequest(`"${prefix}" cannot be used as a media folder.`);
  return key;
}

/** The key prefix of one seller's product images. */
export const productImagePrefix = (sellerId: string) => `products/${sellerId}`;

/**
 * Who uploads a return's photos: the order (its buyer, or a guest with the order link), named in
 * the upload ticket and bound into each photo's receipt, so a return can only carry photos
 * uploaded for its own order.
 */
export const returnPhotoOwner = (orderId: string) => `return-photos:${orderId}`;
/** The order a return-photo ticket's owner names, or null for any other owner. */
export const orderOfReturnPhotoOwner = (ownerId: string) => (ownerId.startsWith("return-photos:") ? ownerId.slice("return-photos:".length) || null : null);
/** The key prefix of one order's return photos. */
export const returnPhotoPrefix = (orderId: string) => `returns/${orderId}`;
/** Where the storefront mounts the return-photo upload route (http/return-photos.ts). */
export const RETURN_PHOTO_UPLOAD_PATH = "/api/returns/photos";
