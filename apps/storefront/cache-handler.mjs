// @ts-check
// The storefront's page cache (next.config.ts `cacheHandler`): the stored public pages (home,
// listings, search, shop and product pages, see src/lib/stored-pages.ts) and their tags.
// Plain JavaScript: Next imports this file at run time, untranspiled.
//
// Two stores, one behaviour:
//   - embedded (no REDIS_URL): pages and tag expiries in this process's memory; other processes
//     expire tags through POST /api/revalidate, which lands in revalidateTag below.
//   - Redis (REDIS_URL): pages and tag expiries in Redis, shared by every storefront instance;
//     any process (storefront, consoles, worker) expires a tag by writing its expiry time to the
//     tags hash (expireTagsInRedis in @bazaar/api's domain/catalog/cache-tags.ts), and every
//     instance reads that hash on every cache hit, so the next request anywhere sees it. Each
//     instance keeps a bounded copy of the pages it served in memory; the tag check is what
//     decides whether a copy may still be served.
//
// Expiry is exact, never "stale while revalidate": a page with a tag expired after the page's
// data was read is a miss (Next renders it before answering). "After the data was read": a
// page records when its render first read the database (READ_AT_TAG, src/server/page-tags.ts),
// so a render that read before a change committed and finished after it was expired is not
// served as new. This is the race that once served a suspended shop's product page (54bef8e).
// With Redis, every expiry is stamped by Redis's clock (TIME) and each instance converts its
// renders' times to that clock (clockOffset), so machines whose clocks differ still agree on
// what came first. A tag expired in the same millisecond as a read counts as after it.
//
// A stored page cannot carry a per-request CSP nonce: as it is stored, its inline scripts' SHA-256
// go into a <meta> policy at the top of its <head> (see CspOptions in @bazaar/api's
// http/security-headers.ts for how it combines with the response header).
/* global console */
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import process from "node:process";

/** Shared with src/server/page-tags.ts. */
const READ_AT_TAG = "bazaar:read-at:";
/** The same as pageCacheRedisKeys in @bazaar/api's domain/catalog/cache-tags.ts. */
const NAMESPACE = process.env.BAZAAR_PAGE_CACHE_NAMESPACE || "default";
const REDIS_TAGS_KEY = `bazaar:page-cache:${NAMESPACE}:tags`;
const REDIS_ENTRY_PREFIX = `bazaar:page-cache:${NAMESPACE}:entry:`;
const TAGS_TTL_SECONDS = 7 * 24 * 3600;
const CACHE_TAGS_HEADER = "x-next-cache-tags";
/** How often an instance measures its clock against Redis's. */
const CLOCK_CHECK_MS = 60_000;
/** Pages nobody asks for leave Redis after a day (listing variants are many). */
const REDIS_ENTRY_TTL_SECONDS = 24 * 3600;
/** This process's copies: all of the embedded cache, a working set in front of Redis. */
const LOCAL_MAX_BYTES = (process.env.REDIS_URL ? 48 : 96) * 1024 * 1024;

/** @typedef {{ lastModified: number; readAt: number; tags: string[]; cacheControl?: unknown; value: any; size: number }} Entry */

/** Least recently used first out, bounded by the pages' approximate size. */
class LocalEntries {
  /** @type {Map<string, Entry>} */
  entries = new Map();
  bytes = 0;

  /** @param {string} key */
  get(key) {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** @param {string} key @param {Entry} entry */
  set(key, entry) {
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.size;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= LOCAL_MAX_BYTES) break;
      this.entries.delete(oldest);
      this.bytes -= old.size;
    }
  }

  /** @param {string} key */
  delete(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }
}

// Module state, not instance state: Next makes a handler per request. And on globalThis, not in
// this module: Next loads this file twice in one process (its server imports it, and the app's
// server bundle holds a copy of its own), and the proxy reads pages through either (readStoredPage).
/** @type {{ local: LocalEntries; pageKeys: Map<string, string>; redis: Promise<import("ioredis").Redis> | null; clock: { offset: number; checkedAt: number } }} */
const state = /** @type {any} */ (
  globalThis[Symbol.for("bazaar.pageCache.state")] ??= {
    local: new LocalEntries(),
    pageKeys: new Map(),
    redis: null,
    // Redis's clock minus this process's, in milliseconds, measured once a minute.
    clock: { offset: 0, checkedAt: 0 },
  }
);
const { local, pageKeys } = state;
/**
 * Embedded tag expiries. On globalThis so that /api/revalidate (bundled apart, same process) can
 * tell the outbox's safety net that a tag was already expired (EMBEDDED_TAGS_KEY there too).
 * @type {Map<string, number>}
 */
const localTags = /** @type {any} */ (globalThis[Symbol.for("bazaar.pageCache.tagExpiries")] ??= new Map());

function sharedRedis() {
  const url = process.env.REDIS_URL;
  if (!url) return null;
  state.redis ??= import("ioredis").then(async ({ Redis }) => {
    // Commands fail at once while Redis is away (a miss: the page is rendered) instead of queueing.
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true, commandTimeout: 1000 });
    client.on("error", (error) => console.warn(`[page-cache] Redis unreachable: ${error.message}`));
    try {
      await client.connect();
    } catch (error) {
      client.disconnect();
      state.redis = null;
      throw error;
    }
    return client;
  });
  return state.redis;
}

/** @param {import("ioredis").Redis} client */
async function redisNow(client) {
  const [seconds, micros] = await client.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

/** @param {import("ioredis").Redis} client */
async function clockOffset(client) {
  if (Date.now() - state.clock.checkedAt > CLOCK_CHECK_MS) {
    const before = Date.now();
    const remote = await redisNow(client);
    const after = Date.now();
    state.clock = { offset: remote - (before + after) / 2, checkedAt: after };
  }
  return state.clock.offset;
}

/**
 * The latest expiry time among `tags`, or 0.
 * @param {string[]} tags
 */
async function lastExpiry(tags) {
  if (tags.length === 0) return 0;
  const client = sharedRedis();
  if (!client) return Math.max(0, ...tags.map((tag) => localTags.get(tag) ?? 0));
  const times = await (await client).hmget(REDIS_TAGS_KEY, ...tags);
  return Math.max(0, ...times.map((time) => Number(time ?? 0)));
}

/** @param {Entry} entry @param {string[]} extraTags */
async function isExpired(entry, extraTags) {
  const expiredAt = await lastExpiry([...new Set([...entry.tags, ...extraTags])]);
  return expiredAt > 0 && expiredAt >= entry.readAt;
}

// Buffers (a page's RSC payload) and Maps (its segments) through JSON.
/** @this {any} @param {string} key @param {unknown} value */
function replacer(key, value) {
  const raw = this[key];
  if (Buffer.isBuffer(raw)) return { $buffer: raw.toString("base64") };
  if (raw instanceof Map) return { $map: [...raw.entries()] };
  return value;
}
/** @param {string} _key @param {any} value */
function reviver(_key, value) {
  if (value && typeof value === "object") {
    if (typeof value.$buffer === "string") return Buffer.from(value.$buffer, "base64");
    if (Array.isArray(value.$map)) return new Map(value.$map);
  }
  return value;
}

/**
 * The page's inline scripts allowed by hash, in a policy at the top of its <head>.
 * @param {string} html
 */
function withScriptPolicy(html) {
  const hashes = new Set();
  for (const [, attributes = "", body = ""] of html.matchAll(/<script((?:(?!\bsrc=)[^>])*)>([\s\S]*?)<\/script>/g)) {
    // Data blocks (JSON-LD) never run.
    if (/\btype="application\/(?:ld\+)?json"/.test(attributes)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  // Checkout (a client-side navigation away) loads Stripe.js when it is configured.
  const sources = ["'self'", ...hashes, ...(process.env.STRIPE_PUBLISHABLE_KEY ? ["https://js.stripe.com"] : [])];
  return html.replace(/<head(?:\s[^>]*)?>/, (head) => `${head}<meta http-equiv="Content-Security-Policy" content="script-src ${sources.join(" ")}">`);
}

/**
 * A page is kept as UTF-8 bytes, not as a string. Next answers a string page with
 * `res.end(html)`, and Node then joins the response's headers to it: a new copy of the whole page
 * on every hit, twice its length when the page has any character past Latin-1 ("★" in the
 * ratings), and too large for V8's young generation, so it piles up until a full collection.
 * It is also encoded to UTF-8 again each time. Next writes a Buffer page to the socket as it is
 * (chunked, as it already sends the RSC payload).
 * @param {any} data
 */
function storedValue(data) {
  return data.kind === "APP_PAGE" && typeof data.html === "string" ? { ...data, html: Buffer.from(data.html, "utf8") } : data;
}

export default class PageCacheHandler {
  /**
   * @param {string} key
   * @param {{ tags?: string[]; softTags?: string[] }} ctx
   */
  async get(key, ctx) {
    notePageKey(key);
    const extraTags = [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
    try {
      const copy = local.get(key);
      if (copy && !(await isExpired(copy, extraTags))) return { lastModified: copy.lastModified, value: copy.value, cacheControl: copy.cacheControl };
      if (copy) local.delete(key);
      const client = sharedRedis();
      if (!client) return null;
      // Another instance may have stored a newer render than this copy.
      const raw = await (await client).get(REDIS_ENTRY_PREFIX + key);
      if (!raw) return null;
      /** @type {Entry} */
      const entry = { ...JSON.parse(raw, reviver), size: raw.length };
      if (await isExpired(entry, extraTags)) return null;
      local.set(key, entry);
      return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
    } catch (error) {
      console.warn(`[page-cache] read failed, rendering instead: ${/** @type {Error} */ (error).message}`);
      return null;
    }
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {{ tags?: string[]; cacheControl?: unknown }} ctx
   */
  async set(key, data, ctx) {
    if (!data) return;
    notePageKey(key);
    let tags = ctx?.tags ?? [];
    let readAt = Date.now();
    if ((data.kind === "APP_PAGE" || data.kind === "APP_ROUTE") && data.headers) {
      const header = data.headers[CACHE_TAGS_HEADER];
      const all = typeof header === "string" ? header.split(",") : [];
      const reads = all.filter((tag) => tag.startsWith(READ_AT_TAG)).map((tag) => Number(tag.slice(READ_AT_TAG.length)));
      if (reads.length > 0) readAt = Math.min(...reads);
      tags = all.filter((tag) => !tag.startsWith(READ_AT_TAG));
      data.headers[CACHE_TAGS_HEADER] = tags.join(",");
    }
    // The answer to this request is built from `data` too: it gets the policy as well.
    if (data.kind === "APP_PAGE" && typeof data.html === "string") data.html = withScriptPolicy(data.html);
    // A 404 is not stored: a product or shop created under that address must show at once.
    if (data.kind === "APP_PAGE" && data.status === 404) return;
    try {
      const client = sharedRedis();
      // Compared with expiries on the clock that stamped them.
      if (client) readAt += await clockOffset(await client);
      /** @type {Entry} */
      const value = storedValue(data);
      const entry = { lastModified: Date.now(), readAt, tags, cacheControl: ctx?.cacheControl, value, size: 0 };
      // Changed while it was being rendered: it may show the old data, so it is not kept.
      if (await isExpired(entry, [])) return;
      if (!client) {
        entry.size = (value.html?.length ?? 0) + (value.rscData?.length ?? 0) + 1024;
        local.set(key, entry);
        return;
      }
      const raw = JSON.stringify({ lastModified: entry.lastModified, readAt, tags, cacheControl: entry.cacheControl, value }, replacer);
      await (await client).set(REDIS_ENTRY_PREFIX + key, raw, "EX", REDIS_ENTRY_TTL_SECONDS);
      local.set(key, { ...entry, size: raw.length });
    } catch (error) {
      console.warn(`[page-cache] not stored: ${/** @type {Error} */ (error).message}`);
    }
  }

  /**
   * Every expiry is immediate: the next request for a page with one of these tags renders it.
   * @param {string | string[]} tags
   */
  async revalidateTag(tags) {
    const list = Array.isArray(tags) ? tags : [tags];
    if (list.length === 0) return;
    const now = Date.now();
    const client = sharedRedis();
    if (!client) {
      for (const tag of list) localTags.set(tag, now);
      return;
    }
    await (
      await client
    )
      .multi()
      .hset(REDIS_TAGS_KEY, Object.fromEntries(list.map((tag) => [tag, String(now)])))
      .expire(REDIS_TAGS_KEY, TAGS_TTL_SECONDS)
      .exec();
  }

  resetRequestCache() {}
}

// state.pageKeys: the route cache's key of each stored page's path, as Next asked for it. Next
// keys a page by its route's hash and path ("/route-cache/APP_PAGE/<sha256 of the route>/$/c/x/_");
// the proxy knows the path only. Cleared when it grows past a bound (a cleared path is found
// again by Next's next request for it).
const PAGE_KEY = /^\/route-cache\/APP_PAGE\/[0-9a-f]+\/\$(\/.*)$/;
/** @param {string} key */
function notePageKey(key) {
  const path = PAGE_KEY.exec(key)?.[1];
  if (!path || pageKeys.get(path) === key) return;
  if (pageKeys.size >= 50_000) pageKeys.clear();
  pageKeys.set(path, key);
}

/**
 * A stored page's HTML that may be sent as it is now, or null. The proxy (src/lib/serve-stored.ts)
 * answers a browser's page request with it, without Next's route and render path; null sends the
 * request down that path as before (a miss, an RSC payload, a page past its time limit). The same
 * checks as `get` (tags on every hit, Redis when shared), plus the time limit, which Next would
 * otherwise answer "stale" once while it renders again. Read through globalThis: the proxy is
 * bundled apart from this file, in the same process.
 * @param {string} path the stored page's path (e.g. "/c/shoes/_")
 * @returns {Promise<{ html: Buffer; status: number; headers: Record<string, unknown>; cacheControl: any } | null>}
 */
async function readStoredPage(path) {
  const key = pageKeys.get(path);
  if (!key) return null;
  const hit = await new PageCacheHandler().get(key, {});
  const value = hit?.value;
  if (!hit || value?.kind !== "APP_PAGE" || !Buffer.isBuffer(value.html) || value.postponed) return null;
  const revalidate = hit.cacheControl?.revalidate;
  if (typeof revalidate === "number" && Date.now() >= hit.lastModified + revalidate * 1000) return null;
  return { html: value.html, status: value.status ?? 200, headers: value.headers ?? {}, cacheControl: hit.cacheControl };
}
/** @type {any} */ (globalThis)[Symbol.for("bazaar.pageCache.readStoredPage")] = readStoredPage;
