import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { asUniqueViolation } from "@/db/errors";
import { userSites, users, type UserKind } from "@/db/schema";
import { recordAdminChange } from "@/lib/admin/record-admin-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { lockAsCurrentAdmin, siteChoiceProblems } from "./user-guards";
import { adminsOnlyMessage, duplicateEmailMessage } from "./user-messages";
import { validateUserProperties } from "./user-properties";
import {
  primarySiteIdSchema,
  signInMethodSchema,
  userEmailSchema,
  userNameSchema,
  userPropertiesSchema,
  userRoleSchema,
  userSiteIdsSchema,
} from "./user-schemas";
import { loadUserView, type UserView } from "./user-view";
import { roleAllows } from "@/lib/authz/roles";

export const createUserSchema = z
  .strictObject({
    email: userEmailSchema,
    name: userNameSchema,
    role: userRoleSchema,
    signInMethod: signInMethodSchema,
    /** Password accounts only: the initial password, set once here and never shown again (SPEC §6). */
    password: z.string("adminUsers.errors.passwordMissing").max(1024, "adminUsers.errors.passwordTooLong").optional(),
    siteIds: userSiteIdsSchema.default([]),
    /** One of `siteIds`; by default the first of them. */
    primarySiteId: primarySiteIdSchema.optional(),
    properties: userPropertiesSchema.default({}),
  })
  .superRefine((input, context) => {
    if (input.signInMethod === "password") {
      const problem = input.password ? passwordProblem(input.password) : "adminUsers.errors.passwordMissing";
      if (problem) context.addIssue({ code: "custom", path: ["password"], message: problem });
    } else if (input.password) {
      context.addIssue({ code: "custom", path: ["password"], message: "adminUsers.errors.ssoHasNoPassword" });
    }
  });
export type CreateUserInput = z.input<typeof createUserSchema>;

/** Shared computer ⇔ kind `shared` (SPEC §9). Service accounts are made with integrations, never here. */
export function kindOfRole(role: z.output<typeof userRoleSchema>): UserKind {
  return role === "shared_computer" ? "shared" : "person";
}

/**
 * Creates an account (Admins only, SPEC §1): e-mail unique across the deployment whatever its case, sites of the
 * organisation that are not archived, a primary site among them, property values checked per type, and for
 * password sign-in an initial password that meets the policy (stored as an argon2id hash only). Audited, and the
 * organisation's authorization version is bumped (a new user can match rules).
 */
export async function createUser(
  db: Executor,
  actor: ActingUser,
  input: CreateUserInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<UserView>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminsOnlyMessage);
  const parsed = parseInput(createUserSchema, input);
  if (!parsed.ok) return parsed;
  const { email, name, role, signInMethod, password, siteIds, properties } = parsed.data;
  const primarySiteId = parsed.data.primarySiteId === undefined ? (siteIds[0] ?? null) : parsed.data.primarySiteId;
  const passwordHash = signInMethod === "password" && password ? await hashPassword(password) : null;

  try {
    return await db.transaction(async (tx) => {
      const refused = await lockAsCurrentAdmin(tx, actor);
      if (refused) return refused;
      const fields = await siteChoiceProblems(tx, actor.organizationId, { siteIds, primarySiteId });
      const checked = await validateUserProperties(tx, actor, properties);
      if (!checked.ok) Object.assign(fields, checked.error.fields ?? { properties: checked.error.message });
      if (Object.keys(fields).length > 0 || !checked.ok) return fail("invalid", "errors.fieldsNeedAttention", fields);

      const kind = kindOfRole(role);
      const [created] = await tx
        .insert(users)
        .values({
          organizationId: actor.organizationId,
          email,
          name,
          kind,
          role,
          signInMethod,
          passwordHash,
          primarySiteId,
          properties: checked.data.set,
        })
        .returning({ id: users.id });
      if (!created) throw new Error("insert returned no user");
      if (siteIds.length > 0) {
        await tx.insert(userSites).values(siteIds.map((siteId) => ({ organizationId: actor.organizationId, userId: created.id, siteId })));
      }
      await recordAdminChange(
        tx,
        actor,
        {
          action: "user.created",
          targetType: "user",
          targetId: created.id,
          after: { email, name, role, kind, signInMethod, siteIds, primarySiteId, properties: checked.data.set },
        },
        context.clientAddress,
      );
      const view = await loadUserView(tx, actor.organizationId, created.id);
      if (!view) throw new Error("a created user vanished");
      return ok(view);
    });
  } catch (error) {
    if (asUniqueViolation(error)?.constraint === "users_email_lower_unique") {
      return fail("conflict", duplicateEmailMessage, { email: duplicateEmailMessage });
    }
    throw error;
  }
}
