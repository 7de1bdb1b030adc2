import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, organizations } from "@/db/schema";
import { forgetSsoProviders, listSsoProviders } from "@/lib/auth/sso-providers";
import { setOrganizationSso } from "@/lib/organizations/set-organization-sso";
import { isSealed } from "@/lib/secrets/sealed-secret";
import { createTestOrganization } from "../fixtures/organizations";
import { dataOf } from "../fixtures/results";

describe("per-organisation SSO settings (operator CLI)", () => {
  let db: Database;
  beforeAll(async () => {
    db = await getDb();
  });

  async function slugOf(id: string): Promise<string> {
    const [org] = await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, id));
    return org!.slug;
  }

  it("stores an Entra-style provider, lists it as sso-<slug>, and audits without the secret", async () => {
    const { id } = await createTestOrganization(db, "Entra");
    const slug = await slugOf(id);
    const result = await setOrganizationSso(db, slug, {
      issuer: "https://login.microsoftonline.com/tenant/v2.0",
      clientId: "client",
      clientSecret: "very-secret",
      buttonLabel: "Microsoft",
      claimsSource: "id_token",
      emailVerifiedClaim: "xms_edov",
    });
    expect(dataOf(result)).toEqual({ organizationId: id, providerId: `sso-${slug}` });

    forgetSsoProviders();
    const provider = (await listSsoProviders()).find((candidate) => candidate.organizationId === id);
    expect(provider).toMatchObject({ id: `sso-${slug}`, label: "Microsoft", claimsSource: "id_token", emailVerifiedClaim: "xms_edov" });
    expect(provider?.clientSecret).toBe("very-secret");
    const [stored] = await db.select({ secret: organizations.ssoClientSecret }).from(organizations).where(eq(organizations.id, id));
    expect(isSealed(stored!.secret!)).toBe(true);
    expect(stored!.secret).not.toContain("very-secret");

    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, id), eq(auditLog.action, "organization.sso_configured")));
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0])).not.toContain("very-secret");
  });

  it("defaults to userinfo and email_verified, refuses bad settings, and clears", async () => {
    const { id } = await createTestOrganization(db, "Auth0");
    const slug = await slugOf(id);
    const refused = await setOrganizationSso(db, slug, { issuer: "not a url", clientId: "", clientSecret: "x" });
    expect(refused).toMatchObject({ ok: false, error: { code: "invalid", fields: { issuer: expect.any(String), clientId: expect.any(String) } } });

    dataOf(await setOrganizationSso(db, slug, { issuer: "https://tenant.eu.auth0.com/", clientId: "c", clientSecret: "s" }));
    forgetSsoProviders();
    expect((await listSsoProviders()).find((p) => p.organizationId === id)).toMatchObject({ claimsSource: "userinfo", emailVerifiedClaim: "email_verified" });

    dataOf(await setOrganizationSso(db, slug, null));
    forgetSsoProviders();
    expect((await listSsoProviders()).some((p) => p.organizationId === id)).toBe(false);
    expect(await setOrganizationSso(db, "no-such-org", null)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("reads a secret stored in clear before sealing, and turns off a provider whose sealed secret was altered", async () => {
    const { id } = await createTestOrganization(db, "Legacy IdP");
    const slug = await slugOf(id);
    dataOf(await setOrganizationSso(db, slug, { issuer: "https://idp.example.com/", clientId: "c", clientSecret: "s" }));
    await db.update(organizations).set({ ssoClientSecret: "stored-in-clear" }).where(eq(organizations.id, id));
    forgetSsoProviders();
    expect((await listSsoProviders()).find((p) => p.organizationId === id)?.clientSecret).toBe("stored-in-clear");

    dataOf(await setOrganizationSso(db, slug, { issuer: "https://idp.example.com/", clientId: "c", clientSecret: "s" }));
    const [stored] = await db.select({ secret: organizations.ssoClientSecret }).from(organizations).where(eq(organizations.id, id));
    const parts = stored!.secret!.split(":");
    parts[5] = (parts[5]!.startsWith("A") ? "B" : "A") + parts[5]!.slice(1);
    const altered = parts.join(":");
    await db.update(organizations).set({ ssoClientSecret: altered }).where(eq(organizations.id, id));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      forgetSsoProviders();
      expect((await listSsoProviders()).some((p) => p.organizationId === id)).toBe(false);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining(`organisation ${slug} was altered in the database`));
    } finally {
      logged.mockRestore();
      dataOf(await setOrganizationSso(db, slug, null));
      forgetSsoProviders();
    }
  });
});
