// Which images Bazaar accepts. The declared type is checked against the bytes themselves, so a
// renamed executable or an HTML page cannot pass as a picture, and SVGs (text that browsers
// would run scripts from) must be plain drawings.
import { badRequest } from "../errors";

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export const IMAGE_TYPES = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/svg+xml": "svg",
} as const;

export type ImageContentType = keyof typeof IMAGE_TYPES;

export const ACCEPTED_IMAGE_TYPES = Object.keys(IMAGE_TYPES) as ImageContentType[];

const LABEL: Record<ImageContentType, string> = {
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "image/webp": "WebP",
  "image/gif": "GIF",
  "image/svg+xml": "SVG",
};

const ALIASES: Record<string, ImageContentType> = { "image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "image/svg": "image/svg+xml" };

const ACCEPTED_LIST = "PNG, JPEG, WebP, GIF or SVG";

/** Rounded up, so a file just over a limit never reads as equal to it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.ceil((bytes / (1024 * 1024)) * 100) / 100} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The canonical type for a declared content type (parameters and case ignored), or null. */
export function normalizeImageType(contentType: string | null | undefined): ImageContentType | null {
  const bare = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (bare in IMAGE_TYPES) return bare as ImageContentType;
  return ALIASES[bare] ?? null;
}

/** Checks what is known before the bytes arrive (the browser's declared type and size). */
export function assertImageMeta(input: { contentType: string | null | undefined; size: number; name?: string }): ImageContentType {
  const what = input.name ? `"${input.name}"` : "The file";
  const type = normalizeImageType(input.contentType);
  if (!type) {
    throw badRequest(`${what} is not a supported image (${input.contentType || "unknown type"}). Upload a ${ACCEPTED_LIST} image.`, {
      accepted: ACCEPTED_IMAGE_TYPES,
    });
  }
  if (input.size <= 0) throw badRequest(`${what} is empty.`);
  if (input.size > MAX_IMAGE_BYTES) {
    throw badRequest(`${what} is ${formatBytes(input.size)}; images may be at most ${formatBytes(MAX_IMAGE_BYTES)}.`, {
      maxBytes: MAX_IMAGE_BYTES,
    });
  }
  return type;
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const SVG_START = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>[]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i;

/** The image type the bytes actually are, from their signature; null when none matches. */
export function sniffImageType(bytes: Uint8Array): ImageContentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, "");
  if (SVG_START.test(head)) return "image/svg+xml";
  return null;
}

// Anything that makes an SVG active content rather than a drawing.
const SVG_UNSAFE: Array<[RegExp, string]> = [
  [/<script[\s>/]/i, "a script"],
  [/\son[a-z]+\s*=/i, "an event handler attribute"],
  [/javascript:/i, "a javascript: link"],
  [/<foreignObject[\s>/]/i, "embedded HTML (foreignObject)"],
  [/<!ENTITY/i, "an XML entity declaration"],
  [/<(?:iframe|embed|object)[\s>/]/i, "an embedded document"],
];

export interface ValidatedImage {
  contentType: ImageContentType;
  extension: (typeof IMAGE_TYPES)[ImageContentType];
  size: number;
}

/**
 * Validates an uploaded image. A missing or generic declared type (application/octet-stream)
 * is taken from the bytes; a declared image type must match them.
 */
export function validateImage(input: { bytes: Uint8Array; contentType?: string | null; name?: string }): ValidatedImage {
  const what = input.name ? `"${input.name}"` : "The file";
  const declared = (input.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const generic = declared === "" || declared === "application/octet-stream";
  const sniffed = sniffImageType(input.bytes);
  const contentType = assertImageMeta({ contentType: generic ? (sniffed ?? declared) : declared, size: input.bytes.byteLength, name: input.name });
  if (sniffed !== contentType) {
    const actually = sniffed ? `it looks like ${LABEL[sniffed]}` : "its contents are not a recognisable image";
    throw badRequest(`${what} is declared as ${LABEL[contentType]} but ${actually}. Upload a ${ACCEPTED_LIST} image.`);
  }
  if (contentType === "image/svg+xml") {
    const text = new TextDecoder("utf-8", { fatal: false }).decode(input.bytes);
    for (const [pattern, label] of SVG_UNSAFE) {
      if (pattern.test(text)) throw badRequest(`${what} is an SVG with ${label}; only plain drawings are accepted. Export it again or use PNG.`);
    }
  }
  return { contentType, extension: IMAGE_TYPES[contentType], size: input.bytes.byteLength };
}
