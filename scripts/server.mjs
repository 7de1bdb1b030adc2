#!/usr/bin/env node
// Atelier's HTTP server: Next's request handler behind one step of our own. Next keeps a client-supplied
// X-Forwarded-For as it is, so sign-in throttling could be dodged with a forged header; here the client address
// is taken from the socket, or from the proxies' chain when TRUSTED_PROXY_HOPS says how many to trust. The other
// forwarded headers (host, protocol, port) are dropped unless a proxy is trusted: a client could otherwise make
// the app believe it is served under another host. Every response gets the security headers (docs/security.md).
import http from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST || undefined;
const trustedHops = Math.max(0, Number.parseInt(process.env.TRUSTED_PROXY_HOPS ?? "0", 10) || 0);

/** The address `trustedHops` proxies away from us: the rightmost entries of the chain were added by them. */
function clientAddress(forwardedFor, socketAddress) {
  if (trustedHops === 0) return socketAddress ?? "unknown";
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  chain.push(socketAddress ?? "unknown");
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}

const forwardedHeaders = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];
const publicUrl = process.env.AUTH_URL?.trim() ?? "";

// Pages replace the policy with their nonce-based one (proxy.ts); API answers, files and static assets keep this.
const securityHeaders = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), browsing-topics=()",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  ...(publicUrl.startsWith("https:") ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
};

const app = next({ dev: false, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.headers["x-forwarded-for"] = clientAddress(request.headers["x-forwarded-for"], request.socket.remoteAddress);
  if (trustedHops === 0) for (const name of forwardedHeaders) delete request.headers[name];
  for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
  handle(request, response);
});
server.listen(port, hostname, () => {
  console.log(`  Ready: http://localhost:${port}${hostname ? ` (listening on ${hostname})` : ""}`);
});
