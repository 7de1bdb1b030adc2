import { NextResponse, type NextRequest } from "next/server";
import { requestPathHeader } from "@/lib/auth/request-path";
import { pageContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { env } from "@/lib/env";

// A first check only: it sends visitors without a session cookie to the sign-in page. Whether a session is
// valid (user active, session open) is decided by the database on every request, in lib/auth/acting-user.ts.
const publicPaths = ["/signin", "/forgot-password", "/reset-password", "/api/auth", "/api/health"];
const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  // Next refuses a server action from another origin by throwing (a 500): answer the refusal cleanly first.
  if (request.method === "POST" && request.headers.has("next-action") && !isSameOriginRequest(request.headers, env().AUTH_URL)) {
    return new NextResponse("Cross-site request refused.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const { pathname, search } = request.nextUrl;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = pageContentSecurityPolicy(nonce, env().NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(requestPathHeader, `${pathname}${search}`);
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  requestHeaders.set("content-security-policy", policy);
  const isPublic = publicPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  const hasSession = sessionCookies.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`));
  let response: NextResponse;
  if (!isPublic && !hasSession && !pathname.startsWith("/api/")) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(signIn);
  } else {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("content-security-policy", policy);
  return response;
}

// /api/v1 is left out: the proxy would buffer request bodies (up to 10 MB) before the route's gate knows the
// caller, and it has nothing to add there (scripts/server.mjs sets the API's security headers).
export const config = {
  matcher: ["/((?!api/v1/|_next/static|_next/image|favicon.svg|.*\\.(?:png|jpg|svg|ico|css|js)$).*)"],
};
