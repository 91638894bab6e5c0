// The session as server code reads it on every request: the session cookie decrypted with
// Auth.js's own `decode`, and the result kept per token. Auth.js's `auth()` runs its whole
// /api/auth/session endpoint for this (a Request built, the token decrypted, then encrypted
// again for a refreshed cookie that a route handler or server component then throws away): 8% of
// the storefront's CPU per add to cart in a profile (bench/README.md, session 9).
//
// Caching by token is safe because the token is authenticated encryption: the same string always
// decrypts to the same claims, and a forged or altered one fails to decrypt and is never cached.
// Expiry is checked on every read. Nothing here decides what the user may do: every request
// re-reads the user (loadActor), so a suspension, role change or password change (sessionVersion)
// applies at once whatever is cached.
import { hkdf } from "@panva/hkdf";
import { base64url, calculateJwkThumbprint, jwtDecrypt } from "jose";
import { LRUCache } from "lru-cache";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { getEnv } from "../env";
import { appCookies, type BazaarApp } from "./cookies";

/** A cookie as Next's `cookies()` lists it. */
interface Cookie {
  name: string;
  value: string;
}

/** Decrypted tokens kept per process: ~1 KB each, so the bound is a few MB however many buyers come. */
const decoded = new LRUCache<string, JWT>({ max: 5_000, ttl: 10 * 60_000 });

/**
 * The session token in `cookies`: the cookie itself, or its chunks (`name.0`, `name.1`, ...)
 * joined in order, as Auth.js splits a token too long for one cookie (its SessionStore).
 */
export function sessionTokenOf(cookies: readonly Cookie[], name: string): string | null {
  const chunks = cookies.filter((cookie) => (cookie.name === name || cookie.name.startsWith(`${name}.`)) && cookie.value);
  if (chunks.length === 0) return null;
  const index = (cookie: Cookie) => (cookie.name === name ? 0 : Number.parseInt(cookie.name.slice(name.length + 1), 10) || 0);
  return chunks
    .sort((a, b) => index(a) - index(b))
    .map((cookie) => cookie.value)
    .join("");
}

/** Reads `app`'s session from the request's cookies: what `auth()` answers, without its endpoint round. */
export function sessionReader(app: BazaarApp): (cookies: readonly Cookie[]) => Promise<Session | null> {
  return async (cookies) => {
    const name = appCookies(app)?.sessionToken?.name;
    if (!name) return null;
    const token = sessionTokenOf(cookies, name);
    if (!token) return null;
    let claims = decoded.get(token);
    if (!claims) {
      // Auth.js salts the key with the cookie's name; a bad or foreign token throws.
      claims = (await decodeSessionToken(token, getEnv().AUTH_SECRET, name).catch(() => null)) ?? undefined;
      if (!claims) return null;
      decoded.set(token, claims);
    }
    if (!claims.sub || typeof claims.exp !== "number" || claims.exp * 1000 <= Date.now()) return null;
    return {
      // The fields the session callback in config.ts gives, from the same claims.
      user: { id: claims.sub, role: claims.role ?? "BUYER", email: claims.email ?? "", name: claims.name ?? null, sessionVersion: claims.sv ?? 0 },
      expires: new Date(claims.exp * 1000).toISOString(),
    };
  };
}

/** Auth.js's session tokens: direct encryption with A256CBC-HS512 (next-auth/jwt's `alg` and `enc`). */
const ALG = "dir";
const ENC = "A256CBC-HS512";

/** Keys derived from AUTH_SECRET, by content encryption, salt (the cookie's name) and secret. */
const derivedKeys = new Map<string, Promise<{ key: Uint8Array; thumbprint: string }>>();

/**
 * next-auth/jwt's `decode`, with the key it derives from the secret (HKDF) and the key's
 * thumbprint kept instead of made again for every token: a new token costs 301 µs of CPU instead
 * of 423 (bench/README.md, session 23), once per buyer and process. The same key (HKDF-SHA256,
 * Auth.js's info string, 64 bytes for A256CBC-HS512 and 32 for A256GCM), the same algorithms, the
 * same 15 s clock tolerance, and a key id must be the key's thumbprint, as there. Exported for
 * its test.
 */
export async function decodeSessionToken(token: string, secret: string, salt: string): Promise<JWT> {
  const { payload } = await jwtDecrypt<JWT>(
    token,
    async ({ kid, enc }) => {
      const { key, thumbprint } = await derivedKey(enc, secret, salt);
      if (kid !== undefined && kid !== thumbprint) throw new Error("no matching decryption secret");
      return key;
    },
    { clockTolerance: 15, keyManagementAlgorithms: [ALG], contentEncryptionAlgorithms: [ENC, "A256GCM"] },
  );
  return payload;
}

function derivedKey(enc: string, secret: string, salt: string) {
  const length = enc === ENC ? 64 : enc === "A256GCM" ? 32 : null;
  if (length === null) return Promise.reject(new Error("Unsupported JWT Content Encryption Algorithm"));
  const id = JSON.stringify([enc, salt, secret]);
  let derived = derivedKeys.get(id);
  if (!derived) {
    derived = (async () => {
      const key = await hkdf("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length);
      // Auth.js's digest: as many bits as the key has (SHA-512 for 64 bytes, SHA-256 for 32).
      return { key, thumbprint: await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, length === 64 ? "sha512" : "sha256") };
    })();
    // A handful at most: one per app's cookie name and encryption.
    if (derivedKeys.size < 16) derivedKeys.set(id, derived);
  }
  return derived;
}

/**
 * The cookies of a Cookie header, as Next's `cookies()` reads them (@edge-runtime/cookies'
 * parseCookie): `; `-separated pairs, values URI-decoded, a pair that does not decode left out.
 */
export function cookiesOfHeader(header: string | null): Cookie[] {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? "").split(/; */)) {
    if (!pair) continue;
    const at = pair.indexOf("=");
    if (at === -1) {
      cookies.set(pair, "true");
      continue;
    }
    try {
      cookies.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      // A malformed escape: the cookie is not readable, as in Next.
    }
  }
  return [...cookies].map(([name, value]) => ({ name, value }));
}
