import "server-only";
import { and, count, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { userSites, users, type PropertyValues } from "@/db/schema";
import { recordAdminChange } from "@/lib/admin/record-admin-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { lockAsCurrentAdmin, siteChoiceProblems } from "./user-guards";
import {
  adminsOnlyMessage,
  deactivatedUserMessage,
  kindChangeMessage,
  lastAdminMessage,
  serviceKindChangeMessage,
  staleUserMessage,
  userNotFoundMessage,
} from "./user-messages";
import { validateUserProperties } from "./user-properties";
import { primarySiteIdSchema, userIdParamSchema, userNameSchema, userPropertiesSchema, userRoleSchema, userSiteIdsSchema, userVersionSchema } from "./user-schemas";
import { loadUserView, outerUserId, type UserView } from "./user-view";
import { roleAllows } from "@/lib/authz/roles";
import { isUuid } from "@/lib/validation/uuid";

// What an edit may not touch, said plainly rather than silently ignored.
const fixedFields = {
  email: "adminUsers.errors.emailFixed",
  signInMethod: "adminUsers.errors.signInMethodFixed",
  password: "adminUsers.errors.passwordFixed",
  passwordHash: "adminUsers.errors.passwordFixed",
  kind: "adminUsers.errors.kindFixed",
  active: "adminUsers.errors.activeFixed",
} as const;

export const updateUserSchema = z
  .strictObject({
    id: userIdParamSchema,
    version: userVersionSchema,
    name: userNameSchema.optional(),
    role: userRoleSchema.optional(),
    /** The user's sites, all of them (memberships not listed are removed). */
    siteIds: userSiteIdsSchema.optional(),
    /** One of the user's sites, or null for none. By default kept while it stays one of them. */
    primarySiteId: primarySiteIdSchema.optional(),
    /** Values by property id; null (or empty text, an empty list) clears one; properties left out are kept. */
    properties: userPropertiesSchema.optional(),
    ...Object.fromEntries(Object.keys(fixedFields).map((key) => [key, z.unknown().optional()])),
  })
  .superRefine((input, context) => {
    for (const [key, message] of Object.entries(fixedFields)) {
      if ((input as Record<string, unknown>)[key] !== undefined) context.addIssue({ code: "custom", path: [key], message });
    }
  });
export type UpdateUserInput = z.input<typeof updateUserSchema>;

/** JSON equality regardless of key order: whether an edit changes anything. */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([key, inner]) => [key, canonical(inner)]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Whether a submitted value is the stored one (lists as sets: a relation's or a multiple choice's order is not news). */
function sameValue(submitted: unknown, stored: unknown): boolean {
  if (Array.isArray(submitted) && Array.isArray(stored)) return sameJson([...new Set(submitted.map(String))].sort(), [...new Set(stored.map(String))].sort());
  return sameJson(submitted, stored);
}

/**
 * Edits an account (Admins only): name, role, sites with the primary one, property values. Refused, with nothing
 * changed: a stale version; a shared-computer ↔ personal role change (SPEC §1); demoting the organisation's last
 * active Admin (service accounts do not count) — serialised per organisation like deactivation, so two concurrent
 * demotions cannot leave none; a new membership of an archived or unknown site; a primary site outside the
 * user's sites; property values of the wrong type. Audited with before and after; bumps the row version and the
 * organisation's authorization version, so the user's next request already runs with the change.
 */
export async function updateUser(
  db: Executor,
  actor: ActingUser,
  input: UpdateUserInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<UserView>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminsOnlyMessage);
  const parsed = parseInput(updateUserSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version, name, role, siteIds, primarySiteId, properties } = parsed.data;
  if (!isUuid(id)) return fail("not_found", userNotFoundMessage);
  const org = actor.organizationId;

  return db.transaction(async (tx) => {
    const refused = await lockAsCurrentAdmin(tx, actor);
    if (refused) return refused;
    const [target] = await tx
      .select({
        id: users.id,
        name: users.name,
        role: users.role,
        kind: users.kind,
        active: users.active,
        primarySiteId: users.primarySiteId,
        properties: users.properties,
        version: users.version,
        siteIds: sql<string[]>`coalesce((select jsonb_agg(us.site_id order by us.site_id) from user_sites us where us.user_id = ${outerUserId}), '[]'::jsonb)`,
      })
      .from(users)
      .where(and(eq(users.id, id), eq(users.organizationId, org)))
      .for("update");
    if (!target) return fail("not_found", userNotFoundMessage);
    if (target.version !== version) return fail("conflict", staleUserMessage);
    if (!target.active) return fail("conflict", deactivatedUserMessage);

    const newRole = role ?? target.role;
    if (newRole !== target.role) {
      if (target.kind === "service" && newRole === "shared_computer") return fail("conflict", serviceKindChangeMessage, { role: serviceKindChangeMessage });
      if ((target.kind === "shared") !== (newRole === "shared_computer") && target.kind !== "service") {
        return fail("conflict", kindChangeMessage, { role: kindChangeMessage });
      }
      if (roleAllows(target.role, "administer") && target.kind !== "service") {
        const [others] = await tx
          .select({ n: count() })
          .from(users)
          .where(and(eq(users.organizationId, org), eq(users.role, "admin"), eq(users.active, true), ne(users.kind, "service"), ne(users.id, id)));
        if ((others?.n ?? 0) === 0) return fail("conflict", lastAdminMessage, { role: lastAdminMessage });
      }
    }

    const newSiteIds = siteIds ?? target.siteIds;
    const newPrimary =
      primarySiteId !== undefined
        ? primarySiteId
        : target.primarySiteId && newSiteIds.includes(target.primarySiteId)
          ? target.primarySiteId
          : (newSiteIds[0] ?? null);
    const fields = await siteChoiceProblems(tx, org, { siteIds: newSiteIds, primarySiteId: newPrimary }, target.siteIds);
    let newProperties: PropertyValues = target.properties;
    // Values sent back as they are stored are not checked again: an Admin who cannot see an object a relation
    // names (or a value made before an option was removed) can still edit the rest of the account.
    const changedProperties = Object.fromEntries(
      Object.entries(properties ?? {}).filter(([propertyId, value]) => !sameValue(value, target.properties[propertyId])),
    );
    if (Object.keys(changedProperties).length > 0) {
      const checked = await validateUserProperties(tx, actor, changedProperties);
      if (!checked.ok) Object.assign(fields, checked.error.fields ?? { properties: checked.error.message });
      else {
        newProperties = { ...target.properties, ...checked.data.set };
        for (const propertyId of checked.data.clear) delete newProperties[propertyId];
      }
    }
    if (Object.keys(fields).length > 0) return fail("invalid", "errors.fieldsNeedAttention", fields);

    const before = { name: target.name, role: target.role, siteIds: [...target.siteIds].sort(), primarySiteId: target.primarySiteId, properties: target.properties };
    const after = { name: name ?? target.name, role: newRole, siteIds: [...newSiteIds].sort(), primarySiteId: newPrimary, properties: newProperties };
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter((key) => !sameJson(before[key], after[key]));
    if (changed.length === 0) {
      const view = await loadUserView(tx, org, id);
      return view ? ok(view) : fail("not_found", userNotFoundMessage);
    }

    await tx
      .update(users)
      .set({
        name: after.name,
        role: after.role,
        primarySiteId: after.primarySiteId,
        properties: after.properties,
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, id), eq(users.organizationId, org), eq(users.version, version)));
    const removed = target.siteIds.filter((siteId) => !newSiteIds.includes(siteId));
    const added = newSiteIds.filter((siteId) => !target.siteIds.includes(siteId));
    if (removed.length > 0) {
      await tx.delete(userSites).where(and(eq(userSites.organizationId, org), eq(userSites.userId, id), inArray(userSites.siteId, removed)));
    }
    if (added.length > 0) {
      await tx
        .insert(userSites)
        .values(added.map((siteId) => ({ organizationId: org, userId: id, siteId })))
        .onConflictDoNothing();
    }
    await recordAdminChange(
      tx,
      actor,
      {
        action: "user.updated",
        targetType: "user",
        targetId: id,
        before: { version: target.version, ...Object.fromEntries(changed.map((key) => [key, before[key]])) },
        after: { version: target.version + 1, ...Object.fromEntries(changed.map((key) => [key, after[key]])) },
      },
      context.clientAddress,
    );
    const view = await loadUserView(tx, org, id);
    if (!view) throw new Error("an updated user vanished");
    return ok(view);
  });
}
