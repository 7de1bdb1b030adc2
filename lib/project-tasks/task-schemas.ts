import { z } from "zod";
import { optionalCalendarDateSchema } from "@/lib/object-details/calendar-date";
import { objectIdSchema } from "@/lib/objects/object-schemas";
import { cursorSchema } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";

export const taskIdSchema = z.uuid("details.tasks.fields.idInvalid");

/** The task's version the editor read; a stale one is refused (SPEC §9). PostgreSQL integers end at 2³¹ − 1. */
const taskVersionSchema = z.coerce
  .number("details.tasks.fields.versionRequired")
  .int("details.tasks.fields.versionRequired")
  .positive("details.tasks.fields.versionRequired")
  .max(2_147_483_647, "details.tasks.fields.versionRequired");

const taskTitleSchema = z
  .string("details.tasks.fields.titleRequired")
  .trim()
  .min(1, "details.tasks.fields.titleRequired")
  .max(200, "details.tasks.fields.titleTooLong");

/** A user id, or null (a form's empty choice) for nobody. */
const assigneeIdSchema = z.preprocess((value) => (value === "" ? null : value), z.uuid("details.tasks.fields.assigneeIdInvalid").nullable());

const positionSchema = z.coerce
  .number("details.tasks.fields.positionInvalid")
  .int("details.tasks.fields.positionInvalid")
  .min(0, "details.tasks.fields.positionInvalid")
  .max(1_000_000, "details.tasks.fields.positionInvalid");

/** true or false, also as a form or query string sends them. */
const doneSchema = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")], "details.tasks.fields.doneInvalid");

const listFields = z.strictObject({ id: objectIdSchema, limit: pageLimitSchema, cursor: cursorSchema.optional() });
export const listProjectTasksSchema = withoutEmptyParameters(listFields);
export type ListProjectTasksInput = z.input<typeof listFields>;

export const createProjectTaskSchema = z.strictObject({
  /** The project. */
  id: objectIdSchema,
  title: taskTitleSchema,
  assigneeId: assigneeIdSchema.optional(),
  dueDate: optionalCalendarDateSchema.optional(),
  /** Where it goes in the list; after the last task when absent. */
  position: positionSchema.optional(),
});
export type CreateProjectTaskInput = z.input<typeof createProjectTaskSchema>;

export const updateProjectTaskSchema = z
  .strictObject({
    taskId: taskIdSchema,
    version: taskVersionSchema,
    title: taskTitleSchema.optional(),
    assigneeId: assigneeIdSchema.optional(),
    dueDate: optionalCalendarDateSchema.optional(),
    done: doneSchema.optional(),
    position: positionSchema.optional(),
  })
  .refine(
    (input) => [input.title, input.assigneeId, input.dueDate, input.done, input.position].some((value) => value !== undefined),
    { message: "details.tasks.fields.changeNothing", path: ["form"] },
  );
export type UpdateProjectTaskInput = z.input<typeof updateProjectTaskSchema>;

export const deleteProjectTaskSchema = z.strictObject({
  taskId: taskIdSchema,
  /** The version the user saw, when a delete made on a stale view should be refused. */
  version: taskVersionSchema.optional(),
});
export type DeleteProjectTaskInput = z.input<typeof deleteProjectTaskSchema>;
