import { describe, expect, it } from "vitest";
import { createUploadTicket, signMediaReceipt, verifyMediaReceipt, verifyUploadTicket } from "./signing";

const secret = "test-secret";

describe("upload tickets", () => {
  it("name their owner until they expire", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const ticket = createUploadTicket(secret, "seller_1", now);
    expect(verifyUploadTicket(secret, ticket, new Date(now.getTime() + 60_000)).ownerId).toBe("seller_1");
    expect(() => verifyUploadTicket(secret, ticket, new Date(now.getTime() + 16 * 60_000))).toThrow(/expired/);
  });

  it("refuse a missing, forged or re-signed ticket", () => {
    const ticket = createUploadTicket(secret, "seller_1");
    const [payload, signature] = ticket.split(".") as [string, string];
    const forgedPayload = Buffer.from(JSON.stringify({ o: "seller_2", e: 9_999_999_999 })).toString("base64url");
    expect(() => verifyUploadTicket(secret, null)).toThrow(/not authorised/);
    expect(() => verifyUploadTicket(secret, `${forgedPayload}.${signature}`)).toThrow(/not authorised/);
    expect(() => verifyUploadTicket("other-secret", ticket)).toThrow(/not authorised/);
    expect(() => verifyUploadTicket(secret, `${payload}.${signature}.x`)).toThrow(/not authorised/);
  });
});

describe("media receipts", () => {
  it("bind owner, key and url together", () => {
    const stored = { ownerId: "seller_1", key: "products/seller_1/a.png", url: "/media/products/seller_1/a.png" };
    const receipt = signMediaReceipt(secret, stored);
    expect(verifyMediaReceipt(secret, { ...stored, receipt })).toBe(true);
    expect(verifyMediaReceipt(secret, { ...stored, ownerId: "seller_2", receipt })).toBe(false);
    expect(verifyMediaReceipt(secret, { ...stored, url: "https://evil.example/a.png", receipt })).toBe(false);
    expect(verifyMediaReceipt(secret, { ...stored, receipt: "short" })).toBe(false);
  });
});
