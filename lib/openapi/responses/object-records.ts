import { z } from "zod";
import {
  manufacturingOrderStatuses,
  objectLinkKinds,
  partStatuses,
  productStatuses,
  projectStatuses,
  revisionStatuses,
  workflowKinds,
  workflowStatuses,
} from "@/db/schema/enums";
import type { listActivity } from "@/lib/activity/list-activity";
import type { listObjectLinks } from "@/lib/links/list-object-links";
import type { getObjectDetails } from "@/lib/object-details/get-object-details";
import type { listObjectReferences } from "@/lib/object-details/list-object-references";
import type { getPerson } from "@/lib/people/get-person";
import type { deleteProjectTask } from "@/lib/project-tasks/delete-project-task";
import type { listProjectTasks } from "@/lib/project-tasks/list-project-tasks";
import { describes, type ResponseDeclarations, type ServiceData } from "../response-schema";
import { calendarDate, deletedRecord, id, instant, namedRef, objectRef, page, propertyTarget, role, scopeKind, siteRef, userKind, version } from "./common-schemas";

// What hangs off an object: its activity feed, type-specific details, links and project tasks; and a colleague's page.

const comment = z.strictObject({
  type: z.literal("comment"),
  id,
  at: instant,
  author: namedRef,
  body: z.string(),
  mentions: z.array(z.strictObject({ userId: id, name: z.string(), email: z.string() })),
  editedAt: instant.nullable(),
  version,
  editableUntil: instant,
  permissions: z.strictObject({ edit: z.boolean(), delete: z.boolean() }),
});

const activityEvent = z.strictObject({
  type: z.literal("event"),
  id,
  at: instant,
  author: namedRef.nullable(),
  kind: z.string(),
  details: z.strictObject({
    title: z.string().optional(),
    propertyCount: z.number().int().optional(),
    scope: scopeKind.optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    label: z.string().optional(),
    object: objectRef.optional(),
  }),
});

const activityItem = describes<ServiceData<typeof listActivity>["items"][number]>()(z.discriminatedUnion("type", [comment, activityEvent]));

const partDetails = z.strictObject({ id, version, type: z.literal("part"), status: z.enum(partStatuses), unit: z.string(), material: z.string().nullable() });
const productDetails = z.strictObject({ id, version, type: z.literal("product"), status: z.enum(productStatuses), statusChangedAt: instant });
const projectDetails = z.strictObject({
  id,
  version,
  type: z.literal("project"),
  status: z.enum(projectStatuses),
  team: namedRef.nullable(),
  startDate: calendarDate.nullable(),
  dueDate: calendarDate.nullable(),
  tasks: z.strictObject({ total: z.number().int(), done: z.number().int(), completion: z.number().nullable() }),
});
const manufacturingOrderDetails = z.strictObject({
  id,
  version,
  type: z.literal("manufacturing_order"),
  status: z.enum(manufacturingOrderStatuses),
  nextStatuses: z.array(z.enum(manufacturingOrderStatuses)),
  product: z
    .discriminatedUnion("visible", [
      z.strictObject({ visible: z.literal(true), id, reference: z.string(), title: z.string() }),
      z.strictObject({ visible: z.literal(false) }),
    ])
    .nullable(),
  quantity: z.number(),
  site: siteRef.nullable(),
  plannedStart: instant.nullable(),
  plannedEnd: instant.nullable(),
  startedAt: instant.nullable(),
  finishedAt: instant.nullable(),
});
const documentDetails = z.strictObject({
  id,
  version,
  type: z.literal("document"),
  currentRevision: z.strictObject({ label: z.string(), status: z.enum(revisionStatuses) }).nullable(),
  revisionCount: z.number().int(),
});
const workflowDetails = z.strictObject({ id, version, type: z.literal("workflow"), kind: z.enum(workflowKinds), status: z.enum(workflowStatuses), responsible: namedRef });

const details = describes<ServiceData<typeof getObjectDetails>>()(
  z.discriminatedUnion("type", [partDetails, productDetails, projectDetails, manufacturingOrderDetails, documentDetails, workflowDetails]),
);

const references = describes<ServiceData<typeof listObjectReferences>>()(
  z.array(
    z.strictObject({
      property: z.strictObject({ id, name: z.string(), appliesTo: propertyTarget }),
      carriers: z.array(
        z.discriminatedUnion("kind", [
          z.strictObject({ kind: z.literal("user"), id, name: z.string(), email: z.string(), active: z.boolean() }),
          objectRef.extend({ kind: z.literal("object") }),
        ]),
      ),
      more: z.boolean(),
    }),
  ),
);

// Each branch extended (not an intersection): every branch's schema refuses fields it does not name.
const withReferences = { referencedBy: references };
const detailsWithReferences = z.discriminatedUnion("type", [
  partDetails.extend(withReferences),
  productDetails.extend(withReferences),
  projectDetails.extend(withReferences),
  manufacturingOrderDetails.extend(withReferences),
  documentDetails.extend(withReferences),
  workflowDetails.extend(withReferences),
]);

const link = describes<ServiceData<typeof listObjectLinks>["items"][number]>()(
  z.strictObject({
    id,
    kind: z.enum(objectLinkKinds),
    direction: z.enum(["outgoing", "incoming"]),
    quantity: z.number().nullable(),
    version,
    createdAt: instant,
    object: objectRef,
    canEdit: z.boolean(),
  }),
);

const projectTask = describes<ServiceData<typeof listProjectTasks>["items"][number]>()(
  z.strictObject({
    id,
    projectId: id,
    title: z.string(),
    assignee: namedRef.extend({ active: z.boolean() }).nullable(),
    dueDate: calendarDate.nullable(),
    done: z.boolean(),
    doneAt: instant.nullable(),
    position: z.number(),
    version,
    createdAt: instant,
    updatedAt: instant,
  }),
);

const projectTaskDeletion = describes<ServiceData<typeof deleteProjectTask>>()(z.strictObject({ id, projectId: id }));

const person = describes<ServiceData<typeof getPerson>>()(
  z.strictObject({
    person: z.strictObject({ id, name: z.string(), email: z.string(), role, kind: userKind, active: z.boolean(), sites: z.array(siteRef) }),
    referencedBy: references,
  }),
);

export const objectRecordResponses: ResponseDeclarations = {
  "GET /api/v1/objects/{id}/comments": { summary: "An object's activity feed, newest first", schema: page(activityItem) },
  "POST /api/v1/objects/{id}/comments": { summary: "Comment on an object", schema: comment },
  "PATCH /api/v1/objects/{id}/comments/{commentId}": { summary: "Edit one's own comment", schema: comment },
  "DELETE /api/v1/objects/{id}/comments/{commentId}": { summary: "Delete a comment", schema: deletedRecord },
  "GET /api/v1/objects/{id}/details": { summary: "An object's type-specific details and what refers to it", schema: detailsWithReferences },
  "PATCH /api/v1/objects/{id}/details": { summary: "Edit an object's type-specific details", schema: details },
  "GET /api/v1/objects/{id}/links": { summary: "An object's links, both ways", schema: page(link) },
  "POST /api/v1/objects/{id}/links": { summary: "Link an object to another", schema: link, errors: ["conflict"] },
  "PATCH /api/v1/objects/{id}/links/{linkId}": { summary: "Change a link's quantity", schema: link },
  "DELETE /api/v1/objects/{id}/links/{linkId}": { summary: "Remove a link", schema: deletedRecord },
  "GET /api/v1/objects/{id}/tasks": { summary: "A project's tasks in order", schema: page(projectTask) },
  "POST /api/v1/objects/{id}/tasks": { summary: "Add a task to a project", schema: projectTask },
  "PATCH /api/v1/project-tasks/{taskId}": { summary: "Edit a project task", schema: projectTask },
  "DELETE /api/v1/project-tasks/{taskId}": { summary: "Delete a project task", schema: projectTaskDeletion },
  "GET /api/v1/people/{id}": { summary: "A colleague, and what refers to them", schema: person },
};
