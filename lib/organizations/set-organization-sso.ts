import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { organizations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail, ok, type Result } from "@/lib/result";
import { ssoClaimsSources } from "@/lib/auth/sso-providers";
import { sealSecret } from "@/lib/secrets/sealed-secret";
import { fieldErrors } from "@/lib/validation/field-errors";

export const organizationSsoSchema = z.object({
  slug: z.string().trim().min(1),
  issuer: z.url("The issuer must be a URL, e.g. https://example.eu.auth0.com/."),
  clientId: z.string().trim().min(1, "Give the client id the IdP issued."),
  clientSecret: z.string().min(1, "Give the client secret the IdP issued."),
  buttonLabel: z.string().trim().min(1).max(60).optional(),
  claimsSource: z.enum(ssoClaimsSources).optional(),
  emailVerifiedClaim: z.string().trim().regex(/^[A-Za-z0-9_:.-]+$/, "A claim name, e.g. email_verified or xms_edov.").optional(),
});

/**
 * Sets (or, with `null`, removes) an organisation's OpenID Connect provider. Operator-only: it decides who can
 * sign in. The secret is stored sealed (lib/secrets/sealed-secret.ts) and never written to the audit log.
 */
export async function setOrganizationSso(
  db: Database,
  slug: string,
  settings: Omit<z.input<typeof organizationSsoSchema>, "slug"> | null,
): Promise<Result<{ organizationId: string; providerId: string | null }>> {
  const [org] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  if (!org) return fail("not_found", `No organisation has the slug “${slug}”. List them with: npm run ops -- list-orgs`);
  const before = {
    issuer: org.ssoIssuer,
    clientId: org.ssoClientId,
    buttonLabel: org.ssoButtonLabel,
    claimsSource: org.ssoClaimsSource,
    emailVerifiedClaim: org.ssoEmailVerifiedClaim,
  };
  if (settings === null) {
    await db
      .update(organizations)
      .set({
        ssoIssuer: null,
        ssoClientId: null,
        ssoClientSecret: null,
        ssoButtonLabel: null,
        ssoClaimsSource: null,
        ssoEmailVerifiedClaim: null,
        updatedAt: new Date(),
      })
      .where(eq(organizations.id, org.id));
    await recordAudit(db, { organizationId: org.id, actorId: null, action: "organization.sso_removed", targetType: "organization", targetId: org.id, before });
    return ok({ organizationId: org.id, providerId: null });
  }
  const parsed = organizationSsoSchema.safeParse({ slug, ...settings });
  if (!parsed.success) return fail("invalid", "The SSO settings are incomplete.", fieldErrors(parsed.error));
  const { issuer, clientId, clientSecret, buttonLabel, claimsSource, emailVerifiedClaim } = parsed.data;
  await db
    .update(organizations)
    .set({
      ssoIssuer: issuer,
      ssoClientId: clientId,
      ssoClientSecret: sealSecret(clientSecret, "sso-client-secret"),
      ssoButtonLabel: buttonLabel ?? null,
      ssoClaimsSource: claimsSource ?? null,
      ssoEmailVerifiedClaim: emailVerifiedClaim ?? null,
      updatedAt: new Date(),
    })
    .where(eq(organizations.id, org.id));
  await recordAudit(db, {
    organizationId: org.id,
    actorId: null,
    action: "organization.sso_configured",
    targetType: "organization",
    targetId: org.id,
    before,
    after: { issuer, clientId, buttonLabel: buttonLabel ?? null, claimsSource: claimsSource ?? null, emailVerifiedClaim: emailVerifiedClaim ?? null },
  });
  return ok({ organizationId: org.id, providerId: `sso-${org.slug}` });
}
