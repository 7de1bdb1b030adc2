"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineFormAction } from "@/lib/gate/define-action";
import { loadPropertyDefinitions } from "@/lib/properties/load-property-definitions";
import { createUser, type CreateUserInput } from "@/lib/users/create-user";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { updateUser, type UpdateUserInput } from "@/lib/users/update-user";
import { propertyValuesFromForm, siteIdsFromForm } from "@/lib/users/user-form-fields";

// The forms post flat strings (one per input name); the services parse and check everything themselves.
const formValuesSchema = z.record(z.string(), z.string());

function optional(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

async function userPropertyDefinitions(db: Parameters<typeof loadPropertyDefinitions>[0], organizationId: string) {
  return [...(await loadPropertyDefinitions(db, organizationId, ["user"])).values()];
}

/** New user form: creates the account, then opens its page. */
export const createUserAction = defineFormAction(
  { name: "users.create", input: formValuesSchema, capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const siteIds = siteIdsFromForm(input);
    const created = await createUser(
      db,
      user,
      {
        email: input.email ?? "",
        name: input.name ?? "",
        role: input.role ?? "",
        signInMethod: input.signInMethod ?? "",
        password: input.signInMethod === "password" ? (input.password ?? "") : optional(input.password),
        siteIds,
        primarySiteId: optional(input.primarySiteId) ?? (siteIds.length > 0 ? undefined : null),
        properties: propertyValuesFromForm(await userPropertyDefinitions(db, user.organizationId), input),
      } as CreateUserInput,
      { clientAddress },
    );
    if (!created.ok) return created;
    revalidatePath("/admin/users");
    redirect(`/admin/users/${created.data.id}?created=1`);
  },
);

/** User page: role, name, sites with the primary one, property values, at the version the page showed. */
export const updateUserAction = defineFormAction(
  { name: "users.update", input: formValuesSchema, capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const updated = await updateUser(
      db,
      user,
      {
        id: input.id ?? "",
        version: input.version ?? "",
        name: input.name,
        role: input.role,
        siteIds: siteIdsFromForm(input),
        primarySiteId: optional(input.primarySiteId) ?? null,
        properties: propertyValuesFromForm(await userPropertyDefinitions(db, user.organizationId), input),
      } as UpdateUserInput,
      { clientAddress },
    );
    if (updated.ok) {
      revalidatePath("/admin/users");
      revalidatePath(`/admin/users/${updated.data.id}`);
    }
    return updated;
  },
);

/** User page: deactivates the account, handing over what it owned and its open tasks to the people picked. */
export const deactivateUserAction = defineFormAction(
  { name: "users.deactivate", input: formValuesSchema, capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const userId = input.userId ?? "";
    const deactivated = await deactivateUser(
      db,
      user,
      { userId, expectedVersion: optional(input.version), newOwnerId: optional(input.newOwnerId), newAssigneeId: optional(input.newAssigneeId) },
      { clientAddress },
    );
    if (!deactivated.ok) return deactivated;
    revalidatePath("/admin/users");
    redirect(`/admin/users/${userId}?deactivated=1`);
  },
);
