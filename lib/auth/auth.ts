import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import type {} from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { authSecret } from "@/lib/secrets/auth-secret";
import { hasUnstorableText } from "@/lib/validation/unstorable-text";
import { clientAddressFrom } from "./client-address";
import { endSignedOutSession } from "./end-signed-out-session";
import { invalidCredentialsMessage, signInWithPassword } from "./password-sign-in";
import { PasswordSignInRefused } from "./password-sign-in-refused";
import { sessionPolicy } from "./session-policy";
import { listSsoProviders } from "./sso-providers";
import { signInWithSso } from "./sso-sign-in";
import { env } from "@/lib/env";

declare module "next-auth" {
  interface User {
    usageSessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The usage session this token belongs to: ending it ends the login, whatever the token says. */
    sid?: string;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320).refine((email) => !hasUnstorableText(email)),
  password: z.string().min(1).max(1024),
});

async function buildConfig(): Promise<NextAuthConfig> {
  const ssoProviders = await listSsoProviders();
  return {
    // A refused password is an everyday event, audited by the sign-in service: no stack trace in the server log.
    logger: {
      error(error) {
        if (error instanceof CredentialsSignin) return;
        console.error("[auth]", error);
      },
    },
    // The same secret lib/auth/session-token.ts decrypts with: the environment's, else the data directory's.
    secret: authSecret(),
    trustHost: env().AUTH_TRUST_HOST || undefined,
    // Cookies are Secure whenever the public URL is https, even behind a proxy that talks http to the app.
    useSecureCookies: env().AUTH_URL?.startsWith("https:") || undefined,
    session: { strategy: "jwt", maxAge: Math.floor(sessionPolicy().absoluteMs / 1000) },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      Credentials({
        id: "credentials",
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          // Input no account could match (empty, over-long, unstorable): refused like a wrong password.
          if (!parsed.success) throw new PasswordSignInRefused({ code: "unauthenticated", message: invalidCredentialsMessage });
          const result = await signInWithPassword(await getDb(), {
            ...parsed.data,
            clientAddress: clientAddressFrom(request.headers),
            userAgent: request.headers.get("user-agent"),
          });
          if (!result.ok) throw new PasswordSignInRefused(result.error);
          return { id: result.data.userId, email: result.data.email, name: result.data.name, usageSessionId: result.data.usageSessionId };
        },
      }),
      ...ssoProviders.map((provider) => ({
        id: provider.id,
        name: provider.label,
        type: "oidc" as const,
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        // By default e-mail and its verification come from userinfo (some IdPs put only `sub` in the ID token);
        // Microsoft Entra ID puts its optional claims in the ID token only.
        idToken: provider.claimsSource === "id_token",
        checks: ["pkce", "state"] as ("pkce" | "state")[],
        profile: (profile: Record<string, unknown>) => ({
          id: String(profile.sub),
          email: typeof profile.email === "string" ? profile.email : null,
          name: typeof profile.name === "string" ? profile.name : null,
        }),
      })),
    ],
    events: {
      async signOut(message) {
        await endSignedOutSession("token" in message ? message.token : null);
      },
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        const provider = ssoProviders.find((candidate) => candidate.id === account.provider);
        if (!provider || !profile) return "/signin?error=sso&reason=unknown_user";
        const { headers } = await import("next/headers");
        const requestHeaders = await headers();
        const result = await signInWithSso(await getDb(), {
          provider,
          subject: account.providerAccountId,
          email: typeof profile.email === "string" ? profile.email : null,
          emailVerified: profile[provider.emailVerifiedClaim],
          clientAddress: clientAddressFrom(requestHeaders),
          userAgent: requestHeaders.get("user-agent"),
        });
        if (!result.ok) return `/signin?error=sso&reason=${result.reason}`;
        // Without a database adapter Auth.js hands this same object to the jwt callback.
        user.id = result.data.userId;
        user.email = result.data.email;
        user.name = result.data.name;
        user.usageSessionId = result.data.usageSessionId;
        return true;
      },
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = user.usageSessionId;
        }
        return token;
      },
      session({ session, token }) {
        session.user.id = token.sub ?? "";
        session.sessionId = token.sid;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(buildConfig);
