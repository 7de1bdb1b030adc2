"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineFormAction } from "@/lib/gate/define-action";
import { rowVersionSchema } from "@/lib/properties/property-schemas";
import { templateFormInput } from "@/lib/templates/template-form";
import { templateIdSchema } from "@/lib/templates/template-schemas";
import { updateTemplate } from "@/lib/templates/update-template";

export const updateTemplateAction = defineFormAction(
  { name: "templates.update", capability: "administer", input: z.looseObject({ id: templateIdSchema, version: rowVersionSchema }) },
  async ({ db, user, input, clientAddress }) => {
    const converted = await templateFormInput(db, user, input);
    if (!converted.ok) return converted;
    const result = await updateTemplate(db, user, converted.data, { clientAddress });
    if (result.ok) {
      revalidatePath("/admin/templates");
      revalidatePath(`/admin/templates/${result.data.id}`);
    }
    return result;
  },
);
