import "server-only";
import type { Executor } from "@/db/client";
import { objectTypes, type ObjectType, type PropertyTarget, type PropertyType, type PropertyValues } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { subjectOf } from "@/lib/authz/subject";
import { loadPropertyDefinitions, type PropertyOptionFacts } from "@/lib/properties/load-property-definitions";
import { objectChoices, userChoices, type RelationChoices } from "./relation-choices";

/** How many users or objects a relation input lists before it asks the user to search. */
export const relationChoicesCap = 200;

/** A relation property's input: whom or what it points at, and the choices the form lists. */
export interface RelationFieldFacts extends RelationChoices {
  /** Users, or one object type; null when the definition lost its target (the input is then read-only). */
  target: PropertyTarget | null;
}

/** One custom property of an object type, with what its typed input needs (components/objects/property-inputs.tsx). */
export interface PropertyFormField {
  id: string;
  name: string;
  type: PropertyType;
  /** Choice properties: their options, in display order. */
  options: PropertyOptionFacts[];
  /** Relation properties only. */
  relation: RelationFieldFacts | null;
}

function isObjectType(target: PropertyTarget | null): target is ObjectType {
  return (objectTypes as readonly string[]).includes(target ?? "");
}

function heldIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
}

/**
 * The custom properties of one object type as form fields, for the create and edit forms. A relation to users lists
 * the organisation's active users; a relation to objects lists the objects of its target type the acting user can view
 * (the visibility predicate, in SQL) — newest first, at most `relationChoicesCap` of each, `capped` saying more exist
 * (the form then searches through findRelationChoices). `current` holds the values the form shows (the object's, or a
 * template's defaults): what they point at is listed too, when the user may see it.
 */
export async function loadPropertyFormFields(
  db: Executor,
  user: ActingUser,
  type: ObjectType,
  current: PropertyValues = {},
): Promise<PropertyFormField[]> {
  const definitions = [...(await loadPropertyDefinitions(db, user.organizationId, [type])).values()];
  const subject = subjectOf(user);
  return Promise.all(
    definitions.map(async ({ id, name, type: propertyType, options, targetType }): Promise<PropertyFormField> => {
      if (propertyType !== "relation") return { id, name, type: propertyType, options, relation: null };
      const query = { chosen: heldIds(current[id]), limit: relationChoicesCap };
      const choices: RelationChoices =
        targetType === "user"
          ? await userChoices(db, user.organizationId, query)
          : isObjectType(targetType)
            ? await objectChoices(db, subject, targetType, query)
            : { choices: [], capped: false };
      return { id, name, type: propertyType, options, relation: { target: targetType, ...choices } };
    }),
  );
}
