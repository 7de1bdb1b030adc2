import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { ObjectAccessFacts } from "@/lib/authz/decide";
import { authorizeObjectRead, type ObjectReadContext } from "@/lib/authz/object-access";
import { subjectOf } from "@/lib/authz/subject";
import { validatePropertyValues } from "@/lib/properties/validate-property-values";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { ownAccessLostRefusal } from "./change-object-scope";
import { computeObjectAccessImpact, withPropertyPatch, type ObjectAccessImpact } from "./object-access-impact";
import { objectIdSchema, objectPropertiesSchema } from "./object-schemas";
import { scopeChoiceSchema, scopeChoiceSiteIds } from "./scope-choice";
import { scopeSiteProblem } from "./scope-site-problem";
import { visibleObjectIds } from "./visible-object-ids";

export const previewObjectAccessChangeSchema = z
  .strictObject({
    id: objectIdSchema,
    /** Values by property id, as an edit sends them (null, empty text or an empty list clears one). */
    properties: objectPropertiesSchema.optional(),
    /** A new scope, as the Share menu sends it. */
    scope: scopeChoiceSchema.optional(),
  })
  .refine((input) => input.properties !== undefined || input.scope !== undefined, { message: "share.impact.draftEmpty", path: ["form"] });
export type PreviewObjectAccessChangeInput = z.input<typeof previewObjectAccessChangeSchema>;

/**
 * Before an edit or a scope change is saved: how many active users of the organisation would gain or lose which level
 * on the object (the access-change warning, `POST /api/v1/objects/{id}/access-impact`). The draft is validated as the
 * save would validate it — field errors keyed `properties.<id>` and `scope.<field>` — and a scope that would take the
 * caller's own access away is refused as the save refuses it. Properties need the edit action, a scope change_scope.
 * Nothing is written.
 */
export async function previewObjectAccessChange(
  db: Executor,
  user: ActingUser,
  input: PreviewObjectAccessChangeInput,
  context: ObjectReadContext = {},
): Promise<Result<ObjectAccessImpact>> {
  const parsed = parseInput(previewObjectAccessChangeSchema, input);
  if (!parsed.ok) return parsed;
  const { id, properties, scope } = parsed.data;
  const subject = subjectOf(user);

  let authorized = null;
  for (const action of [properties !== undefined ? "edit" : null, scope !== undefined ? "change_scope" : null] as const) {
    if (!action) continue;
    const decided = await authorizeObjectRead(db, subject, id, action, context);
    if (!decided.ok) return decided;
    authorized = decided.data;
  }
  if (!authorized) throw new Error("a draft without properties or scope passed its schema");
  const { facts, decision } = authorized;

  let after: ObjectAccessFacts = facts;
  if (properties !== undefined) {
    const checked = await validatePropertyValues(db, {
      organizationId: user.organizationId,
      appliesTo: facts.type,
      values: properties,
      visibleObjectIds: (target, ids) => visibleObjectIds(db, subject, target, ids),
    });
    if (!checked.ok) return checked;
    after = withPropertyPatch(after, checked.data);
  }
  if (scope !== undefined) {
    const siteIds = scopeChoiceSiteIds(scope);
    const problem = await scopeSiteProblem(db, user.organizationId, siteIds, facts.scopeKind === "sites" ? facts.scopeSiteIds : []);
    if (problem) return fail("invalid", problem.message, { "scope.siteIds": problem.field }, problem.params);
    after = { ...after, scopeKind: scope.kind, scopeSiteIds: siteIds };
  }

  const impact = await computeObjectAccessImpact(db, subject, facts, after, decision.level);
  if (scope !== undefined && impact.you.after === "none") return ownAccessLostRefusal(scope.kind, "scope.");
  return ok(impact);
}
