/** Catalogue keys the workflow services answer with. */
export const workflowMessages = {
  notAWorkflow: "workflows.errors.notAWorkflow",
  taskNotFound: "workflows.errors.taskNotFound",
  manageForbidden: "workflows.errors.manageForbidden",
  launchForbidden: "workflows.errors.launchForbidden",
  notAssignee: "workflows.errors.notAssignee",
  staleTask: "workflows.errors.staleTask",
  taskClosed: "workflows.errors.taskClosed",
  notInProgress: "workflows.errors.notInProgress",
  finished: "workflows.errors.finished",
  cannotStart: "workflows.errors.cannotStart",
  openTasksLeft: "workflows.errors.openTasksLeft",
  signInstead: "workflows.errors.signInstead",
  completeInstead: "workflows.errors.completeInstead",
  rejectionNeedsComment: "workflows.fields.rejectionNeedsComment",
} as const;
