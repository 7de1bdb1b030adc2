import { defineRoute } from "@/lib/gate/define-route";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { listWorkflows } from "@/lib/workflows/list-workflows";
import { createWorkflowSchema, listWorkflowsSchema } from "@/lib/workflows/workflow-schemas";

/** The workflows the caller can view, newest first: `?kind=&status=&objectId=&limit=&cursor=`. */
export const GET = defineRoute({ name: "workflows.list", input: listWorkflowsSchema }, ({ db, user, input, clientAddress }) => listWorkflows(db, user, input, { clientAddress }));

/**
 * Launches a workflow (Manager+): `{ title, kind, responsibleId?, subjectIds?, tasks?: [{ title, kind?, assigneeId,
 * dueDate?, revisionId? }], scope?, templateId?, properties?, … }`; 201 with the workflow, in draft.
 */
export const POST = defineRoute(
  { name: "workflows.create", input: createWorkflowSchema, capability: "manage_workflows" },
  ({ db, user, input, clientAddress }) => createWorkflow(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
