// The UploadThing store and route against a stub of UploadThing's API and ingest servers on
// 127.0.0.1: the real SDK makes the requests, the stub checks and records them.
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createUploadTicket, UPLOAD_TICKET_HEADER, verifyMediaReceipt } from "./signing";
import type { MediaUploadResult } from "./types";
import { createUploadThingRouteHandler } from "./uploadthing-router";
import { UploadThingMediaStore } from "./uploadthing-store";

const API_KEY = "sk_test_bazaar_stub";
const APP_ID = "bazaarstub";
const token = Buffer.from(JSON.stringify({ apiKey: API_KEY, appId: APP_ID, regions: ["stub1"] })).toString("base64");
const secret = "media-test-secret";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

let server: Server;
let stubUrl: string;
let seen: Seen[] = [];

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://stub");
      const body = await readBody(req);
      seen.push({ method: req.method ?? "", path: url.pathname, query: new URLSearchParams(url.searchParams), headers: req.headers, body });
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(value));
      };
      const apiKeyOk = req.headers["x-uploadthing-api-key"] === API_KEY;
      if (req.method === "PUT") {
        // Ingest: the presigned URL is signed with the API key over the whole URL but the signature.
        const signature = url.searchParams.get("signature");
        url.searchParams.delete("signature");
        const signed = `http://${req.headers.host}${url.pathname}?${url.searchParams.toString()}`;
        const expected = `hmac-sha256=${createHmac("sha256", API_KEY).update(signed).digest("hex")}`;
        if (signature !== expected) return json(403, { error: "bad signature" });
        const key = url.pathname.slice(1);
        return json(200, { url: `${stubUrl}/f/${key}`, appUrl: `${stubUrl}/a/${APP_ID}/${key}`, ufsUrl: `${stubUrl}/f/${key}`, fileHash: "abc" });
      }
      if (!apiKeyOk) return json(401, { error: "bad api key" });
      if (url.pathname === "/v6/deleteFiles") {
        const { fileKeys } = JSON.parse(body.toString()) as { fileKeys: string[] };
        return json(200, { success: true, deletedCount: fileKeys.length });
      }
      if (url.pathname === "/route-metadata" || url.pathname === "/callback-result") return json(200, { ok: true });
      return json(404, { error: "unknown" });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
});

describe("UploadThingMediaStore", () => {
  const store = () => new UploadThingMediaStore({ token, secret, apiUrl: stubUrl, ingestUrl: stubUrl });

  it("uploads bytes through a presigned ingest URL and returns UploadThing's key and URL", async () => {
    const stored = await store().put({ prefix: "products/seller_1", bytes: PNG, contentType: "image/png", fileName: "front.png" });
    expect(stored.url).toBe(`${stubUrl}/f/${stored.key}`);
    const put = seen.find((r) => r.method === "PUT");
    expect(put?.path).toBe(`/${stored.key}`);
    // The multipart body carries the very bytes.
    expect(put?.body.includes(Buffer.from(PNG))).toBe(true);
    expect(put?.query.get("x-ut-file-name")).toBe("front.png");
    // The SDK encodes the type once more inside the signed query.
    expect(decodeURIComponent(put?.query.get("x-ut-file-type") ?? "")).toBe("image/png");
  });

  it("deletes by UploadThing's file key through the API", async () => {
    await store().delete("abc123_front.png");
    const call = seen.find((r) => r.path === "/v6/deleteFiles");
    expect(JSON.parse(call?.body.toString() ?? "{}")).toEqual({ fileKeys: ["abc123_front.png"] });
  });

  it("hands the browser the UploadThing route, endpoint and a ticket for the owner", () => {
    const upload = store().createBrowserUpload({ ownerId: "seller_1" });
    expect(upload).toMatchObject({ kind: "uploadthing", url: "/api/uploadthing", endpoint: "productImage", maxBytes: 5 * 1024 * 1024 });
    expect(upload.headers[UPLOAD_TICKET_HEADER]).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it("surfaces a refused upload as an error", async () => {
    const broken = new UploadThingMediaStore({
      token: Buffer.from(JSON.stringify({ apiKey: "sk_wrong", appId: APP_ID, regions: ["x"] })).toString("base64"),
      secret,
      apiUrl: stubUrl,
      ingestUrl: stubUrl,
    });
    await expect(broken.put({ prefix: "p", bytes: PNG, contentType: "image/png" })).rejects.toThrow(/UploadThing refused the upload/);
  });
});

describe("the UploadThing route (browser flow)", () => {
  const handler = () => createUploadThingRouteHandler({ token, secret: () => secret, ingestUrl: stubUrl, isDev: false });
  const routeUrl = "http://localhost:3001/api/uploadthing";
  const requestUpload = (files: Array<{ name: string; size: number; type: string }>, headers: Record<string, string> = {}) =>
    handler()(
      new Request(`${routeUrl}?actionType=upload&slug=productImage`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ files, input: null }),
      }),
    );

  it("refuses a browser without a ticket, saying why", async () => {
    const response = await requestUpload([{ name: "a.png", size: 100, type: "image/png" }]);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/not authorised/) as unknown });
    expect(seen.some((r) => r.path === "/route-metadata")).toBe(false);
  });

  it("refuses files over 5 MB before anything is uploaded", async () => {
    const ticket = createUploadTicket(secret, "seller_1");
    const response = await requestUpload([{ name: "big.png", size: 6 * 1024 * 1024, type: "image/png" }], { [UPLOAD_TICKET_HEADER]: ticket });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/"big.png" is 6 MB; images may be at most 5 MB/) as unknown });
  });

  it("presigns an upload for a ticket holder and answers UploadThing's callback with a receipt", async () => {
    const ticket = createUploadTicket(secret, "seller_1");
    const response = await requestUpload([{ name: "front.png", size: 1234, type: "image/png" }], { [UPLOAD_TICKET_HEADER]: ticket });
    expect(response.status).toBe(200);
    const [presigned] = (await response.json()) as Array<{ key: string; url: string }>;
    expect(presigned?.url.startsWith(`${stubUrl}/${presigned.key}?`)).toBe(true);
    const metadata = JSON.parse(seen.find((r) => r.path === "/route-metadata")?.body.toString() ?? "{}") as Record<string, unknown>;
    expect(metadata).toMatchObject({ fileKeys: [presigned?.key], metadata: { ownerId: "seller_1" }, callbackSlug: "productImage" });

    // UploadThing stored the file and calls the route back, signed with the API key.
    const key = presigned?.key ?? "";
    const callback = JSON.stringify({
      status: "uploaded",
      origin: stubUrl,
      metadata: { ownerId: "seller_1" },
      file: {
        name: "front.png",
        size: 1234,
        type: "image/png",
        customId: null,
        lastModified: 1,
        key,
        url: `${stubUrl}/f/${key}`,
        appUrl: `${stubUrl}/f/${key}`,
        ufsUrl: `${stubUrl}/f/${key}`,
        fileHash: "abc",
      },
    });
    const signature = `hmac-sha256=${createHmac("sha256", API_KEY).update(callback).digest("hex")}`;
    const forged = await handler()(
      new Request(`${routeUrl}?slug=productImage`, {
        method: "POST",
        headers: { "uploadthing-hook": "callback", "x-uploadthing-signature": "hmac-sha256=00" },
        body: callback,
      }),
    );
    expect(forged.status).toBe(400);
    const answered = await handler()(
      new Request(`${routeUrl}?slug=productImage`, {
        method: "POST",
        headers: { "uploadthing-hook": "callback", "x-uploadthing-signature": signature },
        body: callback,
      }),
    );
    expect(answered.status).toBe(200);
    const result = JSON.parse(seen.find((r) => r.path === "/callback-result")?.body.toString() ?? "{}") as { fileKey: string; callbackData: MediaUploadResult };
    expect(result.fileKey).toBe(key);
    expect(result.callbackData).toMatchObject({ key, url: `${stubUrl}/f/${key}`, contentType: "image/png", size: 1234 });
    expect(verifyMediaReceipt(secret, { ownerId: "seller_1", key, url: `${stubUrl}/f/${key}`, receipt: result.callbackData.receipt })).toBe(true);
  });
});
