import { z } from "zod";
import { defineRoute } from "@/lib/gate/define-route";
import { getTemplate } from "@/lib/templates/list-templates";
import { templateIdSchema, updateTemplateSchema } from "@/lib/templates/template-schemas";
import { updateTemplate } from "@/lib/templates/update-template";

/** One object template. */
export const GET = defineRoute({ name: "templates.list", input: z.strictObject({ id: templateIdSchema }) }, ({ db, user, input }) =>
  getTemplate(db, user, input),
);

/**
 * Edits a template (Admin): `{ version, name?, defaultScope?: { kind, siteIds? }, defaultProperties? }`; default
 * properties merge over the current ones (null clears one). 422 with fields, 409 when stale.
 */
export const PATCH = defineRoute(
  { name: "templates.update", input: updateTemplateSchema, capability: "administer" },
  ({ db, user, input, clientAddress }) => updateTemplate(db, user, input, { clientAddress }),
);
