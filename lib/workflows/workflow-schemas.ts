import { z } from "zod";
import { signatureDecisions, workflowKinds, workflowStatuses } from "@/db/schema";
import { optionalCalendarDateSchema } from "@/lib/object-details/calendar-date";
import { createObjectSchema } from "@/lib/objects/create-object";
import { objectIdSchema, objectVersionSchema } from "@/lib/objects/object-schemas";
import { cursorSchema } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";

export const workflowKindSchema = z.enum(workflowKinds, "workflows.fields.kindInvalid");
const userIdSchema = z.uuid("workflows.fields.userIdInvalid");
const subjectIdsSchema = z.array(z.uuid("workflows.fields.subjectIdInvalid"), "workflows.fields.subjectIdsNotList").max(100, "workflows.fields.tooManySubjects");

/** A task as it is added: a plain task, or a signature task naming the document revision to sign. */
export const newTaskSchema = z.strictObject({
  title: z.string("workflows.fields.taskTitleRequired").trim().min(1, "workflows.fields.taskTitleRequired").max(200, "workflows.fields.taskTitleTooLong"),
  kind: z.enum(["task", "signature"], "workflows.fields.taskKindInvalid").default("task"),
  assigneeId: userIdSchema,
  dueDate: optionalCalendarDateSchema.optional(),
  /** Signature tasks: a revision of one of the workflow's subject documents. */
  revisionId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid("workflows.fields.revisionIdInvalid").optional()),
});
export type NewTaskInput = z.input<typeof newTaskSchema>;

/** POST /api/v1/workflows: the object's fields, its kind, the responsible Manager, its subjects and first tasks. */
export const createWorkflowSchema = createObjectSchema.omit({ type: true, details: true }).extend({
  kind: workflowKindSchema,
  /** A Manager or Admin; the creator when absent. */
  responsibleId: userIdSchema.optional(),
  subjectIds: subjectIdsSchema.optional(),
  tasks: z.array(newTaskSchema, "workflows.fields.tasksNotList").max(50, "workflows.fields.tooManyTasks").optional(),
});
export type CreateWorkflowInput = z.input<typeof createWorkflowSchema>;

export const workflowIdSchema = z.strictObject({ id: objectIdSchema });

/** A status change or a delete: the workflow and the version the user read. */
export const workflowVersionedSchema = z.strictObject({ id: objectIdSchema, version: objectVersionSchema });
export type WorkflowVersionedInput = z.input<typeof workflowVersionedSchema>;

export const updateWorkflowSchema = z
  .strictObject({
    id: objectIdSchema,
    version: objectVersionSchema,
    kind: workflowKindSchema.optional(),
    responsibleId: userIdSchema.optional(),
    /** The subjects the editor sees, all of them: those left out are unlinked (subjects they cannot see stay). */
    subjectIds: subjectIdsSchema.optional(),
  })
  .refine((input) => input.kind !== undefined || input.responsibleId !== undefined || input.subjectIds !== undefined, {
    message: "workflows.fields.changeNothing",
    path: ["form"],
  });
export type UpdateWorkflowInput = z.input<typeof updateWorkflowSchema>;

export const addWorkflowTaskSchema = newTaskSchema.extend({ id: objectIdSchema });
export type AddWorkflowTaskInput = z.input<typeof addWorkflowTaskSchema>;

export const taskIdSchema = z.uuid("workflows.fields.taskIdInvalid");
const taskVersionSchema = z.coerce
  .number("workflows.fields.taskVersionRequired")
  .int("workflows.fields.taskVersionRequired")
  .positive("workflows.fields.taskVersionRequired")
  .max(2_147_483_647, "workflows.fields.taskVersionRequired");

export const completeTaskSchema = z.strictObject({ taskId: taskIdSchema, version: taskVersionSchema });
export type CompleteTaskInput = z.input<typeof completeTaskSchema>;

export const signTaskSchema = z.strictObject({
  taskId: taskIdSchema,
  version: taskVersionSchema,
  decision: z.enum(signatureDecisions, "workflows.fields.decisionInvalid"),
  comment: z.string("workflows.fields.commentInvalid").trim().max(2000, "workflows.fields.commentTooLong").optional(),
});
export type SignTaskInput = z.input<typeof signTaskSchema>;

const listFields = z.strictObject({
  kind: workflowKindSchema.optional(),
  status: z.enum(workflowStatuses, "workflows.fields.statusInvalid").optional(),
  /** Only workflows about this object. */
  objectId: z.uuid("workflows.fields.subjectIdInvalid").optional(),
  limit: pageLimitSchema,
  cursor: cursorSchema.optional(),
});
export const listWorkflowsSchema = withoutEmptyParameters(listFields);
export type ListWorkflowsInput = z.input<typeof listFields>;
