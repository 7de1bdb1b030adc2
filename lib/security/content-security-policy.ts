/**
 * The Content-Security-Policy of Atelier's pages: scripts only from this origin with the request's nonce (Next
 * puts it on its own scripts and passes trust on with 'strict-dynamic'), no framing, no plugins, no foreign base.
 * Styles stay 'unsafe-inline': Next and the charts set style attributes, and a style cannot run code.
 */
export function pageContentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
