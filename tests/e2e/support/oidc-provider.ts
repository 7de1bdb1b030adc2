import type { Server } from "node:http";
import Provider, { type Configuration } from "oidc-provider";
import { oidcClient, oidcIssuer, oidcPort } from "./e2e-env";

export interface RunningOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

/** "sam.sso@demo.test" → "Sam Sso": the display name the IdP asserts when no other is given. */
function nameFromEmail(email: string): string {
  const local = email.split("@")[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part.slice(0, 1).toUpperCase() + part.slice(1))
    .join(" ");
}

/**
 * A real OpenID Connect provider (panva's oidc-provider) on 127.0.0.1, with one confidential client: the app's
 * environment SSO (Auth.js provider id `sso`). Its built-in development login form accepts any login and password;
 * the login is the account's `sub` and e-mail (verified), so a spec signs in as whatever e-mail it types.
 */
export async function startOidcProvider(names: Record<string, string> = {}): Promise<RunningOidcProvider> {
  const configuration: Configuration = {
    clients: [
      {
        client_id: oidcClient.clientId,
        client_secret: oidcClient.clientSecret,
        redirect_uris: [oidcClient.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        // What Auth.js sends when the provider config names no method.
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    async findAccount(_context, id) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: id, email_verified: true, name: names[id] ?? nameFromEmail(id) };
        },
      };
    },
    // The ID token carries only `sub` (oidc-provider's default): Atelier reads the rest from userinfo.
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    scopes: ["openid", "email", "profile"],
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["atelier-e2e-oidc-cookie-key"] },
    // Interactions, sessions and grants live in memory and die with the test run.
    ttl: { Interaction: 600, Session: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
  };
  const provider = new Provider(oidcIssuer, configuration);
  // Koa's default error handler prints every expected refusal: keep the test output for real problems.
  provider.on("server_error", (_context, error) => console.error("[oidc-provider] server error:", error));
  const server: Server = await new Promise((resolve, reject) => {
    const listening = provider.listen(oidcPort, "127.0.0.1", () => resolve(listening));
    listening.once("error", reject);
  });
  return {
    issuer: oidcIssuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
