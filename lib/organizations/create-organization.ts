import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { asUniqueViolation } from "@/db/errors";
import { accessRules, objectTemplates, objectTypes, organizations, users } from "@/db/schema";
import { defaultOrganizationRule } from "@/lib/access-rules/default-rules";
import { recordAudit } from "@/lib/audit/record-audit";
import { generateInitialPassword, hashPassword } from "@/lib/auth/password";
import { fail, ok, type Result } from "@/lib/result";
import { fieldErrors } from "@/lib/validation/field-errors";
import { catalogues } from "@/lib/i18n/messages";

export const createOrganizationSchema = z.object({
  name: z.string().trim().min(1, "Give the organisation a name.").max(120),
  adminEmail: z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address.")),
  adminName: z.string().trim().min(1).max(120).optional(),
  timeZone: z
    .string()
    .refine((zone) => Intl.supportedValuesOf("timeZone").includes(zone) || zone === "UTC", "Unknown IANA time zone.")
    .optional(),
});

export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;

export interface CreatedOrganization {
  organization: { id: string; name: string; slug: string };
  admin: { id: string; email: string };
  /** Shown once; only its hash is stored. */
  initialPassword: string;
}

function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return slug || "org";
}

/**
 * Creates an organisation with its first Admin (password sign-in, random initial password), the default access
 * rule and a default template per object type. Organisations are created by the operator only (SPEC §1).
 */
export async function createOrganization(db: Executor, input: CreateOrganizationInput): Promise<Result<CreatedOrganization>> {
  const parsed = createOrganizationSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", "The organisation could not be created.", fieldErrors(parsed.error));
  const { name, adminEmail, timeZone } = parsed.data;
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);

  try {
    const created = await db.transaction(async (tx) => {
      const [organization] = await tx
        .insert(organizations)
        .values({ name, slug: slugify(name), timeZone: timeZone ?? "UTC" })
        .returning({ id: organizations.id, name: organizations.name, slug: organizations.slug });
      if (!organization) throw new Error("insert returned no organisation");

      const [admin] = await tx
        .insert(users)
        .values({
          organizationId: organization.id,
          email: adminEmail,
          name: parsed.data.adminName ?? adminEmail.split("@")[0] ?? adminEmail,
          kind: "person",
          role: "admin",
          signInMethod: "password",
          passwordHash,
        })
        .returning({ id: users.id, email: users.email });
      if (!admin) throw new Error("insert returned no user");

      await tx.insert(accessRules).values({ organizationId: organization.id, ...defaultOrganizationRule });
      await tx.insert(objectTemplates).values(
        objectTypes.map((objectType) => ({
          organizationId: organization.id,
          objectType,
          name: `Standard ${catalogues.en.common.objectTypes[objectType].toLowerCase()}`,
          defaultScopeKind: "creator_sites" as const,
          isDefault: true,
        })),
      );
      await recordAudit(tx, {
        organizationId: organization.id,
        actorId: null,
        action: "organization.created",
        targetType: "organization",
        targetId: organization.id,
        after: { name, adminEmail },
      });
      return { organization, admin };
    });
    return ok({ ...created, initialPassword });
  } catch (error) {
    const violation = asUniqueViolation(error);
    if (violation?.constraint === "users_email_lower_unique") {
      return fail("conflict", `An account with the e-mail ${adminEmail} already exists.`, {
        adminEmail: "This e-mail is already used by another account.",
      });
    }
    if (violation?.constraint === "organizations_slug_unique") {
      return fail("conflict", `An organisation named “${name}” already exists.`, { name: "This name is already taken." });
    }
    throw error;
  }
}
