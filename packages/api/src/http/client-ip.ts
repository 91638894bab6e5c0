/**
 * The caller's address, for per-address limits. `next start` (and a proxy in front of it) put it
 * in X-Forwarded-For; the last entry is the one added by the nearest hop, which a client cannot
 * choose (earlier entries are whatever the client sent).
 */
export function clientIpOf(headers: Pick<Headers, "get"> | null | undefined): string | null {
  const forwarded = headers?.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  const ip = last || headers?.get("x-real-ip")?.trim() || null;
  return ip ? ip.slice(0, 64) : null;
}
