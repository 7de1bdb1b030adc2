import type { PropertyType } from "@/db/schema/enums";
import type { CreateUserInput } from "./create-user";
import type { UpdateUserInput } from "./update-user";
import { propertyValuesFromForm, siteIdsFromForm } from "./user-form-fields";

type PropertyDefinitions = readonly { id: string; type: PropertyType; options: readonly { id: string }[] }[];

function optional(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

// The forms post flat strings, one per input name (submit buttons and hidden inputs included): these take exactly
// the fields the services read, which parse and check everything themselves and refuse any field they do not know.

/** The new user form's values as createUser's input. */
export function createUserFormInput(values: Record<string, string>, definitions: PropertyDefinitions): CreateUserInput {
  const siteIds = siteIdsFromForm(values);
  return {
    email: values.email ?? "",
    name: values.name ?? "",
    role: values.role ?? "",
    signInMethod: values.signInMethod ?? "",
    password: values.signInMethod === "password" ? (values.password ?? "") : optional(values.password),
    siteIds,
    primarySiteId: optional(values.primarySiteId) ?? (siteIds.length > 0 ? undefined : null),
    properties: propertyValuesFromForm(definitions, values),
  } as CreateUserInput;
}

/** The user page's values (role, name, sites with the primary one, property values, version) as updateUser's input. */
export function updateUserFormInput(values: Record<string, string>, definitions: PropertyDefinitions): UpdateUserInput {
  return {
    id: values.id ?? "",
    version: values.version ?? "",
    name: values.name,
    role: values.role,
    siteIds: siteIdsFromForm(values),
    primarySiteId: optional(values.primarySiteId) ?? null,
    properties: propertyValuesFromForm(definitions, values),
  } as UpdateUserInput;
}

/** The deactivation form's values as deactivateUser's input. */
export function deactivateUserFormInput(values: Record<string, string>) {
  return {
    userId: values.userId ?? "",
    expectedVersion: optional(values.version),
    newOwnerId: optional(values.newOwnerId),
    newAssigneeId: optional(values.newAssigneeId),
  };
}
