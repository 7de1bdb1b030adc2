"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineFormAction } from "@/lib/gate/define-action";
import { loadPropertyDefinitions } from "@/lib/properties/load-property-definitions";
import { createUser } from "@/lib/users/create-user";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { updateUser } from "@/lib/users/update-user";
import { createUserFormInput, deactivateUserFormInput, updateUserFormInput } from "@/lib/users/user-form-input";

// The forms post flat strings (one per input name); lib/users/user-form-input.ts picks the fields each service takes.
const formValuesSchema = z.record(z.string(), z.string());

async function userPropertyDefinitions(db: Parameters<typeof loadPropertyDefinitions>[0], organizationId: string) {
  return [...(await loadPropertyDefinitions(db, organizationId, ["user"])).values()];
}

/** New user form: creates the account, then opens its page. */
export const createUserAction = defineFormAction(
  { name: "users.create", input: formValuesSchema, capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const created = await createUser(db, user, createUserFormInput(input, await userPropertyDefinitions(db, user.organizationId)), { clientAddress });
    if (!created.ok) return created;
    revalidatePath("/admin/users");
    redirect(`/admin/users/${created.data.id}?created=1`);
  },
);

/** User page: role, name, sites with the primary one, property values, at the version the page showed. */
export const updateUserAction = defineFormAction(
  { name: "users.update", input: formValuesSchema, capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const updated = await updateUser(db, user, updateUserFormInput(input, await userPropertyDefinitions(db, user.organizationId)), { clientAddress });
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
    const deactivated = await deactivateUser(db, user, deactivateUserFormInput(input), { clientAddress });
    if (!deactivated.ok) return deactivated;
    revalidatePath("/admin/users");
    redirect(`/admin/users/${deactivated.data.userId}?deactivated=1`);
  },
);
