import "server-only";
import { asc, count, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organizations } from "@/db/schema";
import { openSecret } from "@/lib/secrets/sealed-secret";
import { env } from "@/lib/env";

/** One organisation's OpenID Connect identity provider. */
export interface SsoProvider {
  /** Auth.js provider id: `sso` for the environment's, `sso-<org slug>` for one set by the operator CLI. */
  id: string;
  organizationId: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
  /** Where e-mail and its verification are read from. */
  claimsSource: SsoClaimsSource;
  /** The claim that asserts the e-mail is verified. */
  emailVerifiedClaim: string;
}

export const ssoClaimsSources = ["userinfo", "id_token"] as const;
export type SsoClaimsSource = (typeof ssoClaimsSources)[number];

function claimsSourceOf(value: string | null | undefined): SsoClaimsSource {
  return value === "id_token" ? "id_token" : "userinfo";
}

const cacheMs = 30_000;
let cached: { at: number; providers: Promise<SsoProvider[]> } | undefined;

/**
 * The configured IdPs. A single-organisation deployment sets SSO_ISSUER, SSO_CLIENT_ID, SSO_CLIENT_SECRET
 * (SSO_BUTTON_LABEL; SSO_CLAIMS_SOURCE and SSO_EMAIL_VERIFIED_CLAIM for IdPs such as Microsoft Entra ID; and
 * SSO_ORGANIZATION = the organisation's slug when the deployment has several);
 * otherwise `npm run ops -- set-sso` stores them per organisation. Cached briefly: it is read on every request.
 */
export function listSsoProviders(): Promise<SsoProvider[]> {
  if (!cached || Date.now() - cached.at > cacheMs) {
    const providers = loadSsoProviders();
    cached = { at: Date.now(), providers };
    providers.catch(() => (cached = undefined));
  }
  return cached.providers;
}

export function forgetSsoProviders(): void {
  cached = undefined;
}

async function loadSsoProviders(): Promise<SsoProvider[]> {
  const db = await getDb();
  const providers: SsoProvider[] = [];
  const { SSO_ISSUER, SSO_CLIENT_ID, SSO_CLIENT_SECRET, SSO_BUTTON_LABEL, SSO_ORGANIZATION, SSO_CLAIMS_SOURCE, SSO_EMAIL_VERIFIED_CLAIM } = env();
  if (SSO_ISSUER && SSO_CLIENT_ID && SSO_CLIENT_SECRET) {
    const orgs = await db.select({ id: organizations.id, slug: organizations.slug }).from(organizations).orderBy(asc(organizations.createdAt));
    const org = SSO_ORGANIZATION ? orgs.find((candidate) => candidate.slug === SSO_ORGANIZATION) : orgs.length === 1 ? orgs[0] : undefined;
    if (org) {
      providers.push({
        id: "sso",
        organizationId: org.id,
        issuer: SSO_ISSUER,
        clientId: SSO_CLIENT_ID,
        clientSecret: SSO_CLIENT_SECRET,
        label: SSO_BUTTON_LABEL ?? "single sign-on",
        claimsSource: claimsSourceOf(SSO_CLAIMS_SOURCE),
        emailVerifiedClaim: SSO_EMAIL_VERIFIED_CLAIM || "email_verified",
      });
    } else {
      const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(organizations);
      console.error(
        `SSO_ISSUER is set but no organisation matches: set SSO_ORGANIZATION to one organisation's slug (${total} organisations exist).`,
      );
    }
  }
  const configured = await db.select().from(organizations).where(isNotNull(organizations.ssoIssuer));
  for (const org of configured) {
    if (!org.ssoIssuer || !org.ssoClientId || !org.ssoClientSecret) continue;
    if (providers.some((provider) => provider.organizationId === org.id)) continue;
    const clientSecret = openSecret(org.ssoClientSecret, "sso-client-secret");
    if (!clientSecret.ok) {
      const why = clientSecret.reason === "other_key" ? "was sealed under another AUTH_SECRET" : "was altered in the database";
      console.error(`The SSO client secret of organisation ${org.slug} ${why}: its SSO is off until \`npm run ops -- set-sso ${org.slug} …\` stores it again.`);
      continue;
    }
    providers.push({
      id: `sso-${org.slug}`,
      organizationId: org.id,
      issuer: org.ssoIssuer,
      clientId: org.ssoClientId,
      clientSecret: clientSecret.secret,
      label: org.ssoButtonLabel ?? `${org.name} single sign-on`,
      claimsSource: claimsSourceOf(org.ssoClaimsSource),
      emailVerifiedClaim: org.ssoEmailVerifiedClaim || "email_verified",
    });
  }
  return providers;
}
