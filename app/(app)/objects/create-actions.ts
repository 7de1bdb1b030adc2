"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { objectTypes } from "@/db/schema/enums";
import { defineFormAction } from "@/lib/gate/define-action";
import { createObject, type CreateObjectInput } from "@/lib/objects/create-object";
import { objectListPaths, objectPath } from "@/lib/objects/object-paths";
import { loadPropertyFormFields } from "@/lib/objects/property-form-fields";
import { propertiesFromForm } from "@/lib/objects/property-form-values";
import { renderMessage } from "@/lib/i18n/render-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import { ok } from "@/lib/result";
import { createWorkflowFromForm } from "@/lib/workflows/workflow-form-input";

const detailFields = ["kind", "quantity", "productId", "siteId", "unit", "material", "teamId", "startDate", "dueDate"] as const;

/** The create form's posted values as the create service's input; empty fields are left to their defaults. */
function createInputOf(type: (typeof objectTypes)[number], values: Record<string, string>, properties: Record<string, unknown>): CreateObjectInput {
  const scopeKind = values.scope;
  const checkedSites = Object.keys(values).filter((key) => key.startsWith("site:")).map((key) => key.slice("site:".length));
  const details = Object.fromEntries(detailFields.flatMap((field) => (values[`details.${field}`] ? [[field, values[`details.${field}`]]] : [])));
  return {
    type,
    title: values.title ?? "",
    ...(values.templateId ? { templateId: values.templateId } : {}),
    ...(values.originSiteId ? { originSiteId: values.originSiteId } : {}),
    ...(scopeKind === "owner" || scopeKind === "organization" ? { scope: { kind: scopeKind } } : {}),
    ...(scopeKind === "sites" ? { scope: { kind: "sites", siteIds: checkedSites } } : {}),
    ...(!scopeKind && checkedSites.length > 0 ? { siteIds: checkedSites } : {}),
    ...(Object.keys(details).length > 0 ? { details } : {}),
    properties,
  } as CreateObjectInput;
}

/** Creates an object from its type's create form, then opens it (or says it was created but is not visible to its creator). */
export const createObjectAction = defineFormAction(
  { name: "objects.create", capability: "edit_objects", input: z.looseObject({ type: z.enum(objectTypes, "objects.fields.typeInvalid") }) },
  async ({ db, user, input, clientAddress }) => {
    const values = input as Record<string, string>;
    const fields = await loadPropertyFormFields(db, user, input.type);
    const objectInput = createInputOf(input.type, values, propertiesFromForm(fields, values));
    // A workflow is launched with its responsible, subjects and first tasks (lib/workflows).
    if (input.type === "workflow") {
      const launched = await createWorkflowFromForm(db, user, objectInput, values, { clientAddress });
      if (!launched.ok) return launched;
      redirect(objectPath("workflow", launched.data.id));
    }
    const created = await createObject(db, user, objectInput, { clientAddress });
    if (!created.ok) return created;
    if (created.data.visible) redirect(objectPath(input.type, created.data.object.id));
    return ok({ message: renderMessage(await requestLocale(), created.data.message), listPath: objectListPaths[input.type] });
  },
);
