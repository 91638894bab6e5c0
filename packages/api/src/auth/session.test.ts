// The session reader against tokens made by Auth.js's own encode, as its sign-in writes them.
import { randomBytes } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../env";
import { cookiesFor } from "./cookies";
import { cookiesOfHeader, decodeSessionToken, sessionReader, sessionTokenOf } from "./session";

const secret = randomBytes(32).toString("base64url");
const saved = process.env.AUTH_SECRET;
beforeAll(() => {
  process.env.AUTH_SECRET = secret;
  resetEnvCache();
});
afterAll(() => {
  if (saved === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = saved;
  resetEnvCache();
});

const name = cookiesFor("storefront", false)!.sessionToken!.name!;
const claims = { sub: "user_1", role: "SELLER" as const, sv: 3, email: "ada@example.test", name: "Ada" };
const token = (options: { secret?: string; salt?: string; maxAge?: number } = {}) =>
  encode({ token: claims, secret: options.secret ?? secret, salt: options.salt ?? name, maxAge: options.maxAge });
const read = sessionReader("storefront");

describe("sessionReader", () => {
  it("reads the user Auth.js signed in from the app's session cookie, the same on a second read", async () => {
    const cookie = { name, value: await token() };
    const expected = { user: { id: "user_1", role: "SELLER", email: "ada@example.test", name: "Ada", sessionVersion: 3 } };
    expect(await read([{ name: "other", value: "x" }, cookie])).toMatchObject(expected);
    expect(await read([cookie])).toMatchObject(expected);
  });

  it("answers null without the cookie, and for a token forged, altered, expired or made for another app", async () => {
    expect(await read([])).toBeNull();
    expect(await read([{ name, value: await token({ secret: randomBytes(32).toString("base64url") }) }])).toBeNull();
    const good = await token();
    const altered = `${good.slice(0, -6)}${good.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;
    expect(await read([{ name, value: altered }])).toBeNull();
    // Auth.js's decode allows 15 s of clock skew, so "expired" here is well past it.
    expect(await read([{ name, value: await token({ maxAge: -60 }) }])).toBeNull();
    const adminName = cookiesFor("admin-console", false)!.sessionToken!.name!;
    expect(await read([{ name: adminName, value: await token({ salt: adminName }) }])).toBeNull();
    expect(await read([{ name, value: await token({ salt: adminName }) }])).toBeNull();
  });
});

describe("decodeSessionToken", () => {
  it("reads what Auth.js's decode reads, and refuses what it refuses, with its key kept between tokens", async () => {
    for (let i = 0; i < 3; i++) {
      const value = await token();
      expect(await decodeSessionToken(value, secret, name)).toEqual(await decode({ token: value, secret, salt: name }));
    }
    // Another secret's token names another key (its thumbprint), and the key kept for this salt is not tried on it.
    const otherSecret = randomBytes(32).toString("base64url");
    const foreign = await token({ secret: otherSecret });
    await expect(decodeSessionToken(foreign, secret, name)).rejects.toThrow("no matching decryption secret");
    await expect(decode({ token: foreign, secret, salt: name })).rejects.toThrow("no matching decryption secret");
    expect((await decodeSessionToken(foreign, otherSecret, name)).sub).toBe("user_1");
    await expect(decodeSessionToken(await token({ maxAge: -60 }), secret, name)).rejects.toThrow(/exp/);
  });
});

describe("sessionTokenOf", () => {
  it("joins a token Auth.js split into numbered chunks, in their order", () => {
    const chunks = [
      { name: `${name}.1`, value: "b" },
      { name: `${name}.10`, value: "d" },
      { name: `${name}.0`, value: "a" },
      { name: `${name}.2`, value: "c" },
    ];
    expect(sessionTokenOf(chunks, name)).toBe("abcd");
    expect(sessionTokenOf([{ name, value: "whole" }], name)).toBe("whole");
    expect(sessionTokenOf([{ name: `${name}-other`, value: "x" }], name)).toBeNull();
  });
});

describe("cookiesOfHeader", () => {
  it("reads a Cookie header as Next's cookies() does: values decoded, a bare name true, an undecodable value left out", () => {
    expect(cookiesOfHeader("a=1; bazaar_cart=tok%20en;b=x=y; flag; bad=%E0%A4%A; a=2")).toEqual([
      { name: "a", value: "2" },
      { name: "bazaar_cart", value: "tok en" },
      { name: "b", value: "x=y" },
      { name: "flag", value: "true" },
    ]);
    expect(cookiesOfHeader(null)).toEqual([]);
    expect(cookiesOfHeader("")).toEqual([]);
  });
});
