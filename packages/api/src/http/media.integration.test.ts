// The local media store and its HTTP handlers on a temporary UPLOAD_DIR, and the procedure
// that authorises browser uploads, on a fresh database.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { getEnv } from "../env";
import { getLocalMediaStore, getMediaStore, isGenuineUpload } from "../media";
import { createUploadTicket, UPLOAD_TICKET_HEADER, verifyUploadTicket } from "../media/signing";
import type { MediaUploadResult } from "../media/types";
import { callerFor } from "../testing";
import { useTemporaryUploadDir } from "../testing/media";
import { createBuyer, createSeller } from "../testing/factories";
import { GET, POST } from "./media";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>');

let t: TestDatabase;
const media = useTemporaryUploadDir();
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const get = (key: string[], headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/media/${key.join("/")}`, { headers }), { params: Promise.resolve({ key }) });

const upload = (body: BodyInit, headers: Record<string, string> = {}) =>
  POST(new Request("http://localhost/api/media/upload", { method: "POST", body, headers }));

const form = (bytes: Uint8Array, type: string, name = "image") => {
  const data = new FormData();
  data.append("file", new File([bytes.slice()], name, { type }));
  return data;
};

describe("the local media store", () => {
  it("is the store when UploadThing is not configured", () => {
    expect(getMediaStore().kind).toBe("local");
  });

  it("writes files under the media dir and deletes them, idempotently", async () => {
    const store = getLocalMediaStore();
    const stored = await store.put({ prefix: "products/seller_a", bytes: PNG, contentType: "image/png" });
    expect(stored.key).toMatch(/^products\/seller_a\/[0-9a-f-]{36}\.png$/);
    expect(stored.url).toBe(`/media/${stored.key}`);
    expect(new Uint8Array(await readFile(path.join(media.dir(), stored.key)))).toEqual(PNG);
    await store.delete(stored.key);
    expect(await store.exists(stored.key)).toBe(false);
    await expect(store.delete(stored.key)).resolves.toBeUndefined();
  });

  it("refuses keys that could leave the media dir", async () => {
    const store = getLocalMediaStore();
    expect(store.pathOf("../outside.png")).toBeNull();
    expect(store.pathOf("a/../../outside.png")).toBeNull();
    expect(store.pathOf("/etc/passwd")).toBeNull();
    await expect(store.delete("../x.png")).rejects.toThrow(/not a valid media key/);
    await expect(store.put({ prefix: "../up", bytes: PNG, contentType: "image/png" })).rejects.toThrow(/cannot be used/);
  });
});

describe("GET /media/<key>", () => {
  it("serves a stored file with its type and long immutable caching", async () => {
    const { key } = await getLocalMediaStore().put({ prefix: "products/s1", bytes: PNG, contentType: "image/png" });
    const response = await get(key.split("/"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);

    const again = await get(key.split("/"), { "if-none-match": response.headers.get("etag") ?? "" });
    expect(again.status).toBe(304);
  });

  it("serves SVG as an image that cannot run anything when opened directly", async () => {
    const { key } = await getLocalMediaStore().put({ prefix: "products/s1", bytes: SVG, contentType: "image/svg+xml" });
    const response = await get(key.split("/"));
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(await response.text()).toContain("<circle");
  });

  it("answers 404, never a file, to traversal and to what is not media", async () => {
    await writeFile(path.join(media.root(), "outside.png"), PNG);
    await writeFile(path.join(media.dir(), "notes.txt"), "secret");
    for (const key of [
      ["..", "outside.png"],
      ["products", "..", "..", "outside.png"],
      ["..%2Foutside.png"],
      ["a/../../outside.png"],
      ["notes.txt"],
      ["missing.png"],
      [""],
    ]) {
      expect((await get(key)).status, key.join("/")).toBe(404);
    }
    // Called without route params, the key comes from the URL, percent-encoded dots included.
    expect((await GET(new Request("http://localhost/media/%2E%2E/outside.png"))).status).toBe(404);
    expect((await GET(new Request("http://localhost/media/..%2Foutside.png"))).status).toBe(404);
  });
});

describe("POST /api/media/upload", () => {
  const ticket = (ownerId = "seller_up") => ({ [UPLOAD_TICKET_HEADER]: createUploadTicket(getEnv().AUTH_SECRET, ownerId) });

  it("stores an image for the ticket's owner and answers with a receipt", async () => {
    const response = await upload(form(PNG, "image/png", "front.png"), ticket());
    expect(response.status).toBe(201);
    const result = (await response.json()) as MediaUploadResult;
    expect(result).toMatchObject({ contentType: "image/png", size: PNG.length, url: `/media/${result.key}` });
    expect(result.key.startsWith("products/seller_up/")).toBe(true);
    expect(isGenuineUpload({ ownerId: "seller_up", ...result })).toBe(true);
    expect(isGenuineUpload({ ownerId: "someone_else", ...result })).toBe(false);
    expect((await get(result.key.split("/"))).status).toBe(200);
  });

  it("refuses an upload without a valid ticket", async () => {
    const response = await upload(form(PNG, "image/png"));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "UNAUTHORIZED", message: expect.stringMatching(/not authorised/) as unknown } });
    expect((await upload(form(PNG, "image/png"), { [UPLOAD_TICKET_HEADER]: "forged.ticket" })).status).toBe(401);
  });

  it("refuses what is not an accepted image, saying what is", async () => {
    const fake = await upload(form(new TextEncoder().encode("<html></html>"), "image/png", "page.png"), ticket());
    expect(fake.status).toBe(400);
    expect(((await fake.json()) as { error: { message: string } }).error.message).toMatch(
      /"page.png" is declared as PNG but its contents are not a recognisable image/,
    );

    const pdf = await upload(form(new TextEncoder().encode("%PDF-1.7"), "application/pdf", "spec.pdf"), ticket());
    expect(((await pdf.json()) as { error: { message: string } }).error.message).toMatch(/Upload a PNG, JPEG, WebP, GIF or SVG image/);

    const noFile = await upload(new URLSearchParams({ file: "x" }), ticket());
    expect(noFile.status).toBe(400);
  });

  it("refuses files over 5 MB with 413, even when the body's length is not declared", async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 100 * 1024);
    big.set(PNG);
    const declared = await upload(form(big, "image/png", "huge.png"), ticket());
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { message: string } }).error.message).toMatch(/images may be at most 5 MB/);

    const body = await new Response(form(big, "image/png")).arrayBuffer();
    const contentType = new Response(form(big, "image/png")).headers.get("content-type") ?? "";
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < body.byteLength; offset += 256 * 1024) controller.enqueue(new Uint8Array(body.slice(offset, offset + 256 * 1024)));
        controller.close();
      },
    });
    const chunked = await POST(
      new Request("http://localhost/api/media/upload", {
        method: "POST",
        body: stream,
        headers: { "content-type": contentType, ...ticket() },
        duplex: "half",
      } as RequestInit),
    );
    expect(chunked.status).toBe(413);
  });
});

describe("media.createProductImageUpload", () => {
  it("gives an approved seller an upload ticket naming their shop", async () => {
    const { user, seller } = await createSeller(t.db);
    const upload = await (await callerFor(t.db, user.id)).media.createProductImageUpload();
    expect(upload).toMatchObject({ kind: "local", url: "/api/media/upload", fieldName: "file", maxBytes: 5 * 1024 * 1024 });
    const ticketValue = upload.headers[UPLOAD_TICKET_HEADER];
    expect(verifyUploadTicket(getEnv().AUTH_SECRET, ticketValue).ownerId).toBe(seller.id);
  });

  it("refuses buyers and sellers awaiting approval", async () => {
    const buyer = await createBuyer(t.db);
    await expect((await callerFor(t.db, buyer.id)).media.createProductImageUpload()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const pending = await createSeller(t.db, { status: "PENDING" });
    await expect((await callerFor(t.db, pending.user.id)).media.createProductImageUpload()).rejects.toThrow(/awaiting approval/);
  });
});
