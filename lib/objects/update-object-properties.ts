import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { objects } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { validatePropertyValues } from "@/lib/properties/validate-property-values";
import { ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { guardedObjectWrite } from "./guarded-object-write";
import { computeObjectAccessImpact, withPropertyPatch } from "./object-access-impact";
import { objectIdSchema, objectPropertiesSchema, objectTitleSchema, objectVersionSchema } from "./object-schemas";
import { loadObjectView, type ObjectView } from "./object-view";
import { recordAccessChange } from "./record-access-change";
import { recordObjectActivity } from "./record-object-activity";
import { visibleObjectIds } from "./visible-object-ids";

export const updateObjectSchema = z
  .strictObject({
    id: objectIdSchema,
    version: objectVersionSchema,
    title: objectTitleSchema.optional(),
    /** Values by property id; null (or empty text, an empty list) clears one; properties left out are kept. */
    properties: objectPropertiesSchema.optional(),
  })
  .refine((input) => input.title !== undefined || input.properties !== undefined, {
    message: "objects.fields.changeNothing",
    path: ["form"],
  });
export type UpdateObjectInput = z.input<typeof updateObjectSchema>;

/**
 * Edits an object's title and custom property values (Modify level, Manager+). The update repeats the visibility
 * predicate and the version in its WHERE: an edit that lost its access meanwhile is refused as such, and one made
 * on a version someone else has since changed is refused as stale. An edit of values that changes who can access the
 * object (a property a rule reads) also writes an `object.access_changed` security event.
 */
export async function updateObjectProperties(
  db: Executor,
  user: ActingUser,
  input: UpdateObjectInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<ObjectView>> {
  const parsed = parseInput(updateObjectSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version, title, properties } = parsed.data;

  return guardedObjectWrite(
    db,
    user,
    { objectId: id, action: "edit", expectedVersion: version, clientAddress: context.clientAddress },
    async ({ tx, subject, authorized, where }) => {
      const type = authorized.facts.type;
      const checked = await validatePropertyValues(tx, {
        organizationId: user.organizationId,
        appliesTo: type,
        values: properties ?? {},
        visibleObjectIds: (target, ids) => visibleObjectIds(tx, subject, target, ids),
      });
      if (!checked.ok) return checked;
      const { set, clear } = checked.data;

      const changes: { title?: string; properties?: SQL; version: SQL; updatedAt: Date } = {
        version: sql`${objects.version} + 1`,
        updatedAt: new Date(),
      };
      if (title !== undefined) changes.title = title;
      if (Object.keys(set).length > 0 || clear.length > 0) {
        const merged = sql`(${objects.properties} || ${JSON.stringify(set)}::jsonb)`;
        changes.properties =
          clear.length > 0
            ? sql`${merged} - array[${sql.join(
                clear.map((propertyId) => sql`${propertyId}`),
                sql`, `,
              )}]::text[]`
            : merged;
      }
      const [row] = await tx.update(objects).set(changes).where(where).returning({ id: objects.id });
      if (!row) return null;

      await recordAccessChange(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        objectId: id,
        impact: await computeObjectAccessImpact(tx, subject, authorized.facts, withPropertyPatch(authorized.facts, checked.data), authorized.decision.level),
        cause: { kind: "properties", propertyIds: [...Object.keys(set), ...clear] },
        clientAddress: context.clientAddress,
      });

      await recordObjectActivity(tx, {
        organizationId: user.organizationId,
        objectId: id,
        objectType: type,
        actorId: user.id,
        kind: "updated",
        data: { ...(title !== undefined ? { title } : {}), propertyIds: [...Object.keys(set), ...clear] },
      });
      const object = await loadObjectView(tx, user.organizationId, id);
      if (!object) throw new Error("an updated object vanished");
      return ok(object);
    },
  );
}
