import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import {
  documentRevisions,
  manufacturingOrders,
  objectLinks,
  parts,
  products,
  projects,
  sites,
  teams,
  workflowKinds,
  workflows,
  type ObjectType,
  type WorkflowKind,
} from "@/db/schema";
import type { AccessSubject } from "@/lib/authz/subject";
import { fail, ok, type Result } from "@/lib/result";
import { visibleObjectIds } from "./visible-object-ids";

/** A calendar date, `YYYY-MM-DD`, that exists (no 31 February: PostgreSQL would refuse it). */
const isoDate = z
  .string("objects.details.dateInvalid")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "objects.details.dateInvalid")
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, "objects.details.dateInvalid");

/** The few type-specific fields a new object may state; everything else takes its default. */
export const newObjectDetailsSchema = z.strictObject({
  /** Workflows: ECR, ECO, ECN or NPD (required). */
  kind: z.enum(workflowKinds, "objects.details.workflowKindInvalid").optional(),
  /** Manufacturing orders: how many to make (required, at least 1). */
  quantity: z.coerce
    .number("objects.details.wholeNumber")
    .int("objects.details.wholeNumber")
    .min(1, "objects.details.quantityTooSmall")
    .max(1_000_000_000, "objects.details.quantityTooLarge")
    .optional(),
  /** Manufacturing orders: the product made, a product the creator can see. */
  productId: z.uuid("objects.details.productIdInvalid").optional(),
  /** Manufacturing orders: where it is made; the origin site by default. */
  siteId: z.uuid("objects.fields.siteIdInvalid").optional(),
  /** Parts: unit of measure ("pc" by default) and material. */
  unit: z.string("objects.details.unitRequired").trim().min(1, "objects.details.unitRequired").max(20, "objects.details.unitTooLong").optional(),
  material: z.string("objects.details.materialInvalid").trim().max(200, "objects.details.materialTooLong").optional(),
  /** Projects: the team, and planned dates. */
  teamId: z.uuid("objects.details.teamIdInvalid").optional(),
  startDate: isoDate.optional(),
  dueDate: isoDate.optional(),
});
export type NewObjectDetails = z.output<typeof newObjectDetailsSchema>;

const fieldsByType: Record<ObjectType, readonly (keyof NewObjectDetails)[]> = {
  document: [],
  part: ["unit", "material"],
  product: [],
  project: ["teamId", "startDate", "dueDate"],
  manufacturing_order: ["quantity", "productId", "siteId"],
  workflow: ["kind"],
};

/** The type-specific row of a new object, checked and ready to insert. */
export type PreparedDetails =
  | { type: "document" | "product" }
  | { type: "part"; unit: string; material: string | null }
  | { type: "project"; teamId: string | null; startDate: string | null; dueDate: string | null }
  | { type: "manufacturing_order"; quantity: number; productObjectId: string | null; siteId: string | null }
  | { type: "workflow"; kind: WorkflowKind };

/** Checks the type-specific fields of a new object; errors are keyed `details.<field>`. */
export async function prepareObjectDetails(
  db: Executor,
  subject: AccessSubject,
  type: ObjectType,
  details: NewObjectDetails,
  originSiteId: string | null,
): Promise<Result<PreparedDetails>> {
  const fields: Record<string, string> = {};
  for (const key of Object.keys(details) as (keyof NewObjectDetails)[]) {
    if (details[key] !== undefined && !fieldsByType[type].includes(key)) fields[`details.${key}`] = `objects.details.notUsedFor.${type}`;
  }
  let prepared: PreparedDetails = { type: "document" };
  switch (type) {
    case "document":
    case "product":
      prepared = { type };
      break;
    case "part":
      prepared = { type, unit: details.unit ?? "pc", material: details.material || null };
      break;
    case "project": {
      if (details.teamId) {
        const [team] = await db
          .select({ id: teams.id })
          .from(teams)
          .where(and(eq(teams.id, details.teamId), eq(teams.organizationId, subject.organizationId)));
        if (!team) fields["details.teamId"] = "objects.details.teamUnknown";
      }
      if (details.startDate && details.dueDate && details.dueDate < details.startDate) fields["details.dueDate"] = "objects.details.dueBeforeStart";
      prepared = { type, teamId: details.teamId ?? null, startDate: details.startDate ?? null, dueDate: details.dueDate ?? null };
      break;
    }
    case "manufacturing_order": {
      if (details.quantity === undefined) fields["details.quantity"] = "objects.details.quantityRequired";
      if (details.productId && !(await visibleObjectIds(db, subject, "product", [details.productId])).has(details.productId)) {
        fields["details.productId"] = "objects.details.productUnknown";
      }
      const siteId = details.siteId ?? originSiteId;
      if (details.siteId) {
        const [site] = await db
          .select({ id: sites.id })
          .from(sites)
          .where(and(eq(sites.id, details.siteId), eq(sites.organizationId, subject.organizationId), isNull(sites.archivedAt)));
        if (!site) fields["details.siteId"] = "objects.details.siteUnavailable";
      }
      prepared = { type, quantity: details.quantity ?? 1, productObjectId: details.productId ?? null, siteId };
      break;
    }
    case "workflow":
      if (!details.kind) fields["details.kind"] = "objects.details.workflowKindRequired";
      prepared = { type, kind: details.kind ?? "ECR" };
      break;
  }
  if (Object.keys(fields).length > 0) return fail("invalid", "errors.fieldsNeedAttention", fields);
  return ok(prepared);
}

/**
 * Inserts the type-specific row of a new object: a document starts with draft revision A; a workflow is a draft
 * led by its creator (Manager+, as creating requires); a manufacturing order is linked to its product.
 */
export async function insertObjectDetails(
  tx: Executor,
  object: { id: string; organizationId: string; createdById: string },
  details: PreparedDetails,
): Promise<void> {
  const base = { objectId: object.id, organizationId: object.organizationId };
  switch (details.type) {
    case "document":
      await tx.insert(documentRevisions).values({
        organizationId: object.organizationId,
        objectId: object.id,
        label: "A",
        sequence: 0,
        status: "draft",
        createdById: object.createdById,
      });
      return;
    case "product":
      await tx.insert(products).values(base);
      return;
    case "part":
      await tx.insert(parts).values({ ...base, unit: details.unit, material: details.material });
      return;
    case "project":
      await tx.insert(projects).values({ ...base, teamId: details.teamId, startDate: details.startDate, dueDate: details.dueDate });
      return;
    case "manufacturing_order":
      await tx.insert(manufacturingOrders).values({
        ...base,
        quantity: details.quantity,
        productObjectId: details.productObjectId,
        siteId: details.siteId,
      });
      if (details.productObjectId) {
        await tx.insert(objectLinks).values({
          organizationId: object.organizationId,
          fromObjectId: object.id,
          toObjectId: details.productObjectId,
          kind: "mo_product",
          createdById: object.createdById,
        });
      }
      return;
    case "workflow":
      await tx.insert(workflows).values({ ...base, kind: details.kind, responsibleId: object.createdById });
      return;
  }
}
