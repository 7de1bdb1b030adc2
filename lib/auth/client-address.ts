/**
 * The client's address as Atelier's server (scripts/server.mjs) established it from the socket and
 * TRUSTED_PROXY_HOPS: it overwrites `x-forwarded-for` with that single address before Next sees the request.
 */
export function clientAddressFrom(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
