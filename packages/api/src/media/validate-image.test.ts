import { describe, expect, it } from "vitest";
import { assertImageMeta, MAX_IMAGE_BYTES, normalizeImageType, sniffImageType, validateImage } from "./validate-image";

const bytes = (...parts: Array<number[] | string>) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF");
const GIF = bytes("GIF89a", [1, 0, 1, 0]);
const WEBP = bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ");
const SVG = bytes('<?xml version="1.0"?>\n<!-- drawn -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>');

describe("sniffImageType", () => {
  it("recognises each accepted format by its bytes", () => {
    expect(sniffImageType(PNG)).toBe("image/png");
    expect(sniffImageType(JPEG)).toBe("image/jpeg");
    expect(sniffImageType(GIF)).toBe("image/gif");
    expect(sniffImageType(WEBP)).toBe("image/webp");
    expect(sniffImageType(SVG)).toBe("image/svg+xml");
    expect(sniffImageType(bytes("\uFEFF<svg viewBox='0 0 1 1'></svg>"))).toBe("image/svg+xml");
  });

  it("recognises nothing else", () => {
    expect(sniffImageType(bytes("<!doctype html><html><svg></svg></html>"))).toBeNull();
    expect(sniffImageType(bytes("%PDF-1.7"))).toBeNull();
    expect(sniffImageType(bytes([]))).toBeNull();
  });
});

describe("validateImage", () => {
  it("accepts a file whose bytes match its declared type", () => {
    expect(validateImage({ bytes: PNG, contentType: "image/png" })).toEqual({ contentType: "image/png", extension: "png", size: PNG.length });
    expect(validateImage({ bytes: JPEG, contentType: "image/jpg" }).extension).toBe("jpg");
    expect(validateImage({ bytes: SVG, contentType: "image/svg+xml; charset=utf-8" }).contentType).toBe("image/svg+xml");
  });

  it("takes the type from the bytes when the browser sent none", () => {
    expect(validateImage({ bytes: WEBP, contentType: "application/octet-stream" }).contentType).toBe("image/webp");
    expect(validateImage({ bytes: GIF, contentType: "" }).contentType).toBe("image/gif");
  });

  it("refuses a file whose contents are not what it claims", () => {
    expect(() => validateImage({ bytes: JPEG, contentType: "image/png", name: "cat.png" })).toThrow(/"cat.png" is declared as PNG but it looks like JPEG/);
    expect(() => validateImage({ bytes: bytes("MZ\x90\x00"), contentType: "image/gif" })).toThrow(/not a recognisable image/);
  });

  it("refuses types that are not images we take, naming what is accepted", () => {
    expect(() => validateImage({ bytes: bytes("%PDF-1.7"), contentType: "application/pdf", name: "spec.pdf" })).toThrow(
      /"spec.pdf" is not a supported image \(application\/pdf\)\. Upload a PNG, JPEG, WebP, GIF or SVG image\./,
    );
    expect(() => validateImage({ bytes: bytes("hello"), contentType: "application/octet-stream" })).toThrow(/not a supported image/);
  });

  it("refuses files over 5 MB and empty files", () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(PNG);
    expect(() => validateImage({ bytes: big, contentType: "image/png", name: "huge.png" })).toThrow(/"huge.png" is 5.01 MB; images may be at most 5 MB/);
    const exact = new Uint8Array(MAX_IMAGE_BYTES);
    exact.set(PNG);
    expect(validateImage({ bytes: exact, contentType: "image/png" }).size).toBe(MAX_IMAGE_BYTES);
    expect(() => assertImageMeta({ contentType: "image/png", size: 0 })).toThrow(/empty/);
  });

  it("refuses SVGs that are active content", () => {
    const svg = (body: string) => bytes(`<svg xmlns="http://www.w3.org/2000/svg">${body}</svg>`);
    expect(() => validateImage({ bytes: svg("<script>alert(1)</script>"), contentType: "image/svg+xml" })).toThrow(/with a script/);
    expect(() => validateImage({ bytes: svg('<rect onload="x()"/>'), contentType: "image/svg+xml" })).toThrow(/event handler/);
    expect(() => validateImage({ bytes: svg('<a href="javascript:x()"><rect/></a>'), contentType: "image/svg+xml" })).toThrow(/javascript:/);
    expect(() => validateImage({ bytes: svg("<foreignObject><div/></foreignObject>"), contentType: "image/svg+xml" })).toThrow(/foreignObject/);
  });
});

describe("normalizeImageType", () => {
  it("ignores case and parameters and maps common aliases", () => {
    expect(normalizeImageType("IMAGE/PNG")).toBe("image/png");
    expect(normalizeImageType("image/pjpeg")).toBe("image/jpeg");
    expect(normalizeImageType("text/html")).toBeNull();
    expect(normalizeImageType(undefined)).toBeNull();
  });
});
