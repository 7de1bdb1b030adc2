// The fixed addresses and credentials the end-to-end servers and specs agree on. Everything listens on 127.0.0.1;
// the browser goes to the apps at `localhost`, because Auth.js builds its callback URLs on it (STACK.md).

/** The app on embedded PGlite: password sign-in, password reset. */
export const pgliteAppPort = Number(process.env.E2E_PORT ?? 3217);
/** The app on PostgreSQL, whose database other processes can write to: SSO, deactivation. */
export const postgresAppPort = Number(process.env.E2E_POSTGRES_PORT ?? 3218);
export const pgliteAppUrl = `http://localhost:${pgliteAppPort}`;
export const postgresAppUrl = `http://localhost:${postgresAppPort}`;

/** The OpenID Connect provider a spec runs (tests/e2e/support/oidc-provider.ts). */
export const oidcPort = 3219;
export const oidcIssuer = `http://127.0.0.1:${oidcPort}`;
export const oidcClient = {
  clientId: "atelier-e2e",
  clientSecret: "atelier-e2e-client-secret-not-used-anywhere-else",
  buttonLabel: "Demo IdP",
  /** Auth.js's callback for the environment's provider (id `sso`). */
  redirectUri: `${postgresAppUrl}/api/auth/callback/sso`,
} as const;

/** The SMTP server a spec runs (tests/e2e/support/smtp-server.ts). */
export const smtpPort = 3220;
export const smtpUrl = `smtp://127.0.0.1:${smtpPort}`;

/** Set by playwright.config.ts when it declares the PostgreSQL-backed app: that app's database. */
export function postgresAppDatabaseUrl(): string {
  const url = process.env.ATELIER_E2E_DATABASE_URL;
  if (!url) throw new Error("ATELIER_E2E_DATABASE_URL is not set: run the specs through playwright.config.ts.");
  return url;
}
