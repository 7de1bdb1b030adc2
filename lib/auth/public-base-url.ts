import "server-only";

const hostPattern = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function firstValue(value: string | null): string | undefined {
  return value?.split(",")[0]?.trim() || undefined;
}

/**
 * The origin that links in e-mails point to. AUTH_URL when set (production should set it: then a forged Host
 * cannot redirect a mailed link elsewhere). Otherwise the request's own: `Host`, or `X-Forwarded-Host` and
 * `-Proto` only when TRUSTED_PROXY_HOPS says a proxy in front of us sets them (Atelier's server speaks plain HTTP).
 */
export function publicBaseUrl(headers: Headers): string {
  const configured = process.env.AUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // An unusable AUTH_URL also breaks Auth.js, which says so; fall back to the request.
    }
  }
  const behindProxy = (Number.parseInt(process.env.TRUSTED_PROXY_HOPS ?? "0", 10) || 0) > 0;
  const host = (behindProxy && firstValue(headers.get("x-forwarded-host"))) || firstValue(headers.get("host"));
  const forwardedProto = behindProxy ? firstValue(headers.get("x-forwarded-proto"))?.toLowerCase() : undefined;
  const protocol = forwardedProto === "https" ? "https" : "http";
  if (!host || !hostPattern.test(host)) return `http://localhost:${process.env.PORT ?? "3000"}`;
  return `${protocol}://${host.toLowerCase()}`;
}
