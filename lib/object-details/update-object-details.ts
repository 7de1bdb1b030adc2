import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { activityEvents, objects, type ObjectType } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { guardedObjectWrite } from "@/lib/objects/guarded-object-write";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import type { PlanDetailsChange } from "./details-change";
import { detailFields, updateObjectDetailsSchema, type ObjectDetailsPatch, type UpdateObjectDetailsInput } from "./details-schemas";
import { loadObjectDetails } from "./load-object-details";
import { editableDetailFields, type ObjectDetails } from "./object-details-view";
import { planOrderChange } from "./order-changes";
import { planPartChange, planProductChange } from "./part-product-changes";
import { planProjectChange } from "./project-changes";

const planners: Partial<Record<ObjectType, PlanDetailsChange>> = {
  part: planPartChange,
  product: planProductChange,
  project: planProjectChange,
  manufacturing_order: planOrderChange,
};

/** The fields of the edit that the object's type does not have, each refused by name. */
function fieldsOfOtherTypes(type: ObjectType, patch: ObjectDetailsPatch): Record<string, string> {
  const editable: readonly string[] = editableDetailFields[type];
  const refused: Record<string, string> = {};
  for (const field of detailFields) {
    if (patch[field] !== undefined && !editable.includes(field)) refused[field] = `objects.details.notUsedFor.${type}`;
  }
  return refused;
}

/**
 * Edits an object's type-specific details (the `edit` action: Modify level, Manager+). The edit states the object's
 * version — the counter a title or property edit bumps too — and bumps it, so either edit made on a stale view is
 * refused as stale, never merged. The object row is locked under the guard (visibility at Modify, version) before the
 * current details are read, so the checks (an order's lifecycle, a visible product) see what the write changes. An
 * edit that changes nothing writes nothing. Each change is recorded in the activity feed (`details_updated`).
 */
export async function updateObjectDetails(
  db: Executor,
  user: ActingUser,
  input: UpdateObjectDetailsInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<ObjectDetails>> {
  const parsed = parseInput(updateObjectDetailsSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version, ...patch } = parsed.data;

  return guardedObjectWrite(
    db,
    user,
    { objectId: id, action: "edit", expectedVersion: version, clientAddress: context.clientAddress },
    async ({ tx, subject, authorized, where }) => {
      const type = authorized.facts.type;
      const refused = fieldsOfOtherTypes(type, patch);
      if (Object.keys(refused).length > 0) return fail("invalid", "errors.fieldsNeedAttention", refused);
      const plan = planners[type];
      // Every field is refused above for a type without editable details, so this is a type given fields but no plan.
      if (!plan) throw new Error(`no details edit for ${type}`);

      const [locked] = await tx.select({ id: objects.id }).from(objects).where(where).for("update");
      if (!locked) return null;
      const planned = await plan(tx, subject, id, patch);
      if (!planned.ok) return planned;
      const { changes, unrecorded, write } = planned.data;
      const changedNames = [...Object.keys(changes), ...unrecorded];

      if (changedNames.length > 0) {
        await tx
          .update(objects)
          .set({ version: sql`${objects.version} + 1`, updatedAt: new Date() })
          .where(eq(objects.id, id));
        await write(tx);
        await tx.insert(activityEvents).values({
          organizationId: user.organizationId,
          objectId: id,
          objectType: type,
          actorId: user.id,
          kind: "details_updated",
          data: { fields: changedNames, changes },
        });
      }
      const details = await loadObjectDetails(tx, subject, { id, type });
      if (!details) throw new Error("edited details vanished");
      return ok(details);
    },
  );
}
