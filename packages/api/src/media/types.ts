/** A file the store holds: `key` identifies it to the store, `url` is what a page puts in `src`. */
export type StoredMedia = {
  key: string;
  url: string;
};

/**
 * What a browser needs to upload one image itself (with progress), after the server has
 * checked who is asking. Both kinds send the ticket in the `x-bazaar-upload-ticket` header.
 * - `local`: POST the file as multipart field `file` to `url` (an XMLHttpRequest reports progress);
 *   the JSON answer is a `MediaUploadResult`.
 * - `uploadthing`: `genUploader({ url }).uploadFiles(endpoint, { files, headers, onUploadProgress })`
 *   from `uploadthing/client`; each file's `serverData` is a `MediaUploadResult`.
 */
export type BrowserUpload =
  | { kind: "local"; url: string; fieldName: "file"; headers: Record<string, string>; maxBytes: number; accept: string[] }
  | { kind: "uploadthing"; url: string; endpoint: string; headers: Record<string, string>; maxBytes: number; accept: string[] };

/**
 * A finished browser upload. `receipt` proves the server stored this key and url for this owner,
 * so attaching it to a product cannot be forged with someone else's (or an outside) URL:
 * check it with `verifyMediaReceipt`.
 */
// A type alias, not an interface: UploadThing requires its callback data to be a JSON object type.
export type MediaUploadResult = StoredMedia & {
  contentType: string;
  size: number;
  receipt: string;
};

export interface PutMediaInput {
  /** Folder-like prefix of the new key, e.g. `products/<sellerId>`. */
  prefix: string;
  bytes: Uint8Array;
  contentType: string;
  /** The uploader's file name, kept only where the backend records one (UploadThing). */
  fileName?: string;
}

export interface CreateBrowserUploadInput {
  /** Who uploads; the key prefix and the receipt are bound to it. */
  ownerId: string;
  /** Public path of the app's upload route (defaults per store kind). */
  url?: string;
}

export interface MediaStore {
  readonly kind: "local" | "uploadthing";
  /** Stores validated bytes under a new unique key. */
  put(input: PutMediaInput): Promise<StoredMedia>;
  /** Removes a file; a key that is already gone is not an error. */
  delete(key: string): Promise<void>;
  /** What the browser needs to upload a product image for `ownerId`. */
  createBrowserUpload(input: CreateBrowserUploadInput): BrowserUpload;
}
