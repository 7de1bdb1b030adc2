"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineFormAction } from "@/lib/gate/define-action";
import { createProperty } from "@/lib/properties/create-property";
import { deleteProperty } from "@/lib/properties/delete-property";
import { propertyCreateFormInput, propertyUpdateFormInput } from "@/lib/properties/property-form";
import { createPropertySchema, propertyIdSchema, rowVersionSchema, updatePropertySchema } from "@/lib/properties/property-schemas";
import { updateProperty } from "@/lib/properties/update-property";

export const createPropertyAction = defineFormAction(
  { name: "properties.create", capability: "administer", input: z.preprocess(propertyCreateFormInput, createPropertySchema) },
  async ({ db, user, input, clientAddress }) => {
    const result = await createProperty(db, user, input, { clientAddress });
    if (!result.ok) return result;
    revalidatePath("/admin/properties");
    redirect(`/admin/properties/${result.data.id}?created=1`);
  },
);

export const updatePropertyAction = defineFormAction(
  { name: "properties.update", capability: "administer", input: z.preprocess(propertyUpdateFormInput, updatePropertySchema) },
  async ({ db, user, input, clientAddress }) => {
    const result = await updateProperty(db, user, input, { clientAddress });
    if (result.ok) {
      revalidatePath("/admin/properties");
      revalidatePath(`/admin/properties/${result.data.id}`);
    }
    return result;
  },
);

export const deletePropertyAction = defineFormAction(
  {
    name: "properties.delete",
    capability: "administer",
    input: z.object({
      id: propertyIdSchema,
      version: rowVersionSchema,
      confirm: z.literal("on", "adminProperties.errors.confirmDelete"),
    }),
  },
  async ({ db, user, input, clientAddress }) => {
    const result = await deleteProperty(db, user, { id: input.id, version: input.version }, { clientAddress });
    if (!result.ok) return result;
    revalidatePath("/admin/properties");
    redirect("/admin/properties?deleted=1");
  },
);
