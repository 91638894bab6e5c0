// Files on disk under localMediaDir(), served by every app at /media/<key> (http/media.ts).
// Used when UploadThing is not configured, which is every local and test run.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { localMediaDir } from "@bazaar/db/media-dir";
import { badRequest } from "../errors";
import { isSafeMediaKey } from "./keys";
import type { BrowserUpload, CreateBrowserUploadInput, MediaStore, PutMediaInput, StoredMedia } from "./types";
import { ACCEPTED_IMAGE_TYPES, IMAGE_TYPES, MAX_IMAGE_BYTES, normalizeImageType, type ImageContentType } from "./validate-image";
import { newMediaKey } from "./keys";
import { createUploadTicket, UPLOAD_TICKET_HEADER } from "./signing";

export const LOCAL_MEDIA_PATH = "/media";
/** Where apps mount the POST handler of http/media.ts. */
export const LOCAL_UPLOAD_PATH = "/api/media/upload";

const CONTENT_TYPE_OF_EXTENSION: Record<string, ImageContentType> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  svg: "image/svg+xml",
};

/** The content type a stored file is served with, from its key's extension; null for anything else. */
export function contentTypeOfKey(key: string): ImageContentType | null {
  const extension = path.extname(key).slice(1).toLowerCase();
  return CONTENT_TYPE_OF_EXTENSION[extension] ?? null;
}

export interface LocalMediaStoreOptions {
  /** Defaults to localMediaDir(). */
  dir?: string;
  /** Signs upload tickets; defaults to AUTH_SECRET at call time. */
  secret: string | (() => string);
}

export class LocalMediaStore implements MediaStore {
  readonly kind = "local" as const;
  readonly dir: string;
  private readonly secret: () => string;

  constructor(options: LocalMediaStoreOptions) {
    this.dir = path.resolve(options.dir ?? localMediaDir());
    const { secret } = options;
    this.secret = typeof secret === "function" ? secret : () => secret;
  }

  /** The absolute file path of a key, or null when the key could escape the media directory. */
  pathOf(key: string): string | null {
    if (!isSafeMediaKey(key)) return null;
    const file = path.resolve(this.dir, key);
    return file.startsWith(this.dir + path.sep) ? file : null;
  }

  urlOf(key: string): string {
    return `${LOCAL_MEDIA_PATH}/${key}`;
  }

  async put(input: PutMediaInput): Promise<StoredMedia> {
    const contentType = normalizeImageType(input.contentType);
    if (!contentType) throw badRequest(`The local media store keeps images only, not ${input.contentType}.`);
    const key = newMediaKey(input.prefix, IMAGE_TYPES[contentType]);
    const file = this.pathOf(key);
    if (!file) throw badRequest(`"${key}" is not a valid media key.`);
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside and renamed, so a reader never sees half a file under the real name.
    const partial = `${file}.${randomBytes(4).toString("hex")}.partial`;
    await writeFile(partial, input.bytes);
    await rename(partial, file);
    return { key, url: this.urlOf(key) };
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    if (!file) throw badRequest(`"${key}" is not a valid media key.`);
    await rm(file, { force: true });
  }

  async exists(key: string): Promise<boolean> {
    const file = this.pathOf(key);
    return file ? (await stat(file).catch(() => null))?.isFile() === true : false;
  }

  createBrowserUpload(input: CreateBrowserUploadInput): BrowserUpload {
    return {
      kind: "local",
      url: input.url ?? LOCAL_UPLOAD_PATH,
      fieldName: "file",
      headers: { [UPLOAD_TICKET_HEADER]: createUploadTicket(this.secret(), input.ownerId) },
      maxBytes: MAX_IMAGE_BYTES,
      accept: ACCEPTED_IMAGE_TYPES,
    };
  }
}
