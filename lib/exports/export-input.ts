import { z } from "zod";
import { objectTypes } from "@/db/schema";
import { auditFilterFields, auditFilterNames, reversedRange } from "@/lib/audit/audit-filters";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";

/** What can be exported (SPEC §8), as the path of `GET /api/v1/exports/{kind}` names it. */
export const exportKinds = ["users", "sites", "objects", "access-rules", "audit-log"] as const;
export type ExportKind = (typeof exportKinds)[number];

const filtersOfKind: Record<ExportKind, readonly string[]> = {
  users: [],
  sites: [],
  objects: ["type", "siteId"],
  "access-rules": [],
  "audit-log": auditFilterNames,
};

const exportFields = z.strictObject({
  kind: z.enum(exportKinds, "adminExports.errors.kindUnknown"),
  type: z.enum(objectTypes, "objects.fields.typeInvalid").optional(),
  siteId: z.uuid("objects.fields.siteIdInvalid").optional(),
  ...auditFilterFields,
});

/**
 * An export's request: its kind and the filters that kind takes — objects by type and site, the audit log by the
 * page's filters. A filter another kind takes is refused by name rather than ignored.
 */
export const exportInputSchema = withoutEmptyParameters(
  exportFields.superRefine((input, context) => {
    for (const name of Object.keys(input)) {
      if (name === "kind" || filtersOfKind[input.kind].includes(name)) continue;
      context.addIssue({ code: "custom", path: [name], message: "adminExports.errors.filterNotForKind" });
    }
    for (const [name, message] of Object.entries(reversedRange(input) ?? {})) context.addIssue({ code: "custom", path: [name], message });
  }),
);
export type ExportInput = z.output<typeof exportFields>;
