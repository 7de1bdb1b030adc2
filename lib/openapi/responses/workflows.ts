import { z } from "zod";
import { revisionStatuses, signatureDecisions, taskStatuses, workflowKinds, workflowStatuses, workflowTaskKinds } from "@/db/schema/enums";
import type { addWorkflowTask } from "@/lib/workflows/add-workflow-task";
import type { deleteWorkflow } from "@/lib/workflows/change-workflow-status";
import type { getWorkflow } from "@/lib/workflows/get-workflow";
import type { listWorkflows } from "@/lib/workflows/list-workflows";
import { describes, type ResponseDeclarations, type ServiceData } from "../response-schema";
import { calendarDate, id, instant, namedRef, objectType, page, version } from "./common-schemas";

const task = z.strictObject({
  id,
  kind: z.enum(workflowTaskKinds),
  title: z.string(),
  assignee: z.strictObject({ id, name: z.string(), active: z.boolean() }).nullable(),
  dueDate: calendarDate.nullable(),
  status: z.enum(taskStatuses),
  completedAt: instant.nullable(),
  position: z.number().int(),
  version,
  revision: z
    .strictObject({ id, label: z.string(), status: z.enum(revisionStatuses), documentId: id, documentReference: z.string() })
    .nullable()
    .meta({ description: "The revision a signature task signs; null on plain tasks and when the caller cannot view the document." }),
  signatures: z.array(z.strictObject({ id, decision: z.enum(signatureDecisions), comment: z.string().nullable(), signedAt: instant, signer: namedRef })),
});

const workflow = describes<ServiceData<typeof getWorkflow>>()(
  z.strictObject({
    id,
    reference: z.string(),
    title: z.string(),
    kind: z.enum(workflowKinds),
    status: z.enum(workflowStatuses),
    responsible: namedRef,
    subjects: z.array(z.strictObject({ id, type: objectType, reference: z.string(), title: z.string() })).meta({ description: "Only the subjects the caller can view." }),
    tasks: z.array(task),
    startedAt: instant.nullable(),
    completedAt: instant.nullable(),
    cancelledAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
    version,
  }),
);

const summary = describes<ServiceData<typeof listWorkflows>>()(
  page(
    z.strictObject({
      id,
      reference: z.string(),
      title: z.string(),
      kind: z.enum(workflowKinds),
      status: z.enum(workflowStatuses),
      responsible: namedRef,
      openTaskCount: z.number().int(),
      createdAt: instant,
      updatedAt: instant,
      version,
    }),
  ),
);

export const workflowResponses: ResponseDeclarations = {
  "GET /api/v1/workflows": { summary: "List the workflows the caller can view", schema: summary },
  "POST /api/v1/workflows": { summary: "Launch a workflow with its responsible, subjects and first tasks (Manager+)", schema: workflow },
  "GET /api/v1/workflows/{id}": { summary: "A workflow with its visible subjects, tasks and signatures", schema: workflow },
  "PATCH /api/v1/workflows/{id}": { summary: "Edit a workflow's kind, responsible or subjects (Admin, or its responsible Manager)", schema: workflow, errors: ["conflict"] },
  "DELETE /api/v1/workflows/{id}": {
    summary: "Move a workflow to the trash (Admin, or its responsible Manager)",
    schema: describes<ServiceData<typeof deleteWorkflow>>()(z.strictObject({ id, trashedAt: instant })),
    errors: ["conflict"],
  },
  "POST /api/v1/workflows/{id}/start": { summary: "Start a draft workflow", schema: workflow, errors: ["conflict"] },
  "POST /api/v1/workflows/{id}/complete": { summary: "Complete a workflow whose tasks are all done", schema: workflow, errors: ["conflict"] },
  "POST /api/v1/workflows/{id}/cancel": { summary: "Cancel a workflow and its open tasks", schema: workflow, errors: ["conflict"] },
  "POST /api/v1/workflows/{id}/tasks": { summary: "Add a task or a signature task to a workflow", schema: describes<ServiceData<typeof addWorkflowTask>>()(task) },
  "POST /api/v1/tasks/{taskId}/complete": { summary: "The assignee marks their task done", schema: workflow, errors: ["conflict"] },
  "POST /api/v1/tasks/{taskId}/sign": { summary: "The assignee approves or rejects the revision of their signature task", schema: workflow, errors: ["conflict"] },
};
