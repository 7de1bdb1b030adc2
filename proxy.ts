import { NextResponse, type NextRequest } from "next/server";
import { requestPathHeader } from "@/lib/auth/request-path";

// A first check only: it sends visitors without a session cookie to the sign-in page. Whether a session is
// valid (user active, session open) is decided by the database on every request, in lib/auth/acting-user.ts.
const publicPaths = ["/signin", "/forgot-password", "/reset-password", "/api/auth", "/api/health"];
const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(requestPathHeader, `${pathname}${search}`);
  const isPublic = publicPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  const hasSession = sessionCookies.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`));
  if (!isPublic && !hasSession && !pathname.startsWith("/api/")) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.svg|.*\\.(?:png|jpg|svg|ico|css|js)$).*)"],
};
