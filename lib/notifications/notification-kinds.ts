/**
 * What a notification tells (issue 16). `data` by kind — every key optional, the sentence falls back without it:
 * - task_assigned: `title` (the task), `dueDate` (YYYY-MM-DD);
 * - workflow_changed: `change` ("started" | "completed" | "cancelled" | "updated" | "rejected"), `comment`;
 * - task_due: `title`, `dueDate`;
 * - mention: `commentId`, `excerpt` (the comment's first characters).
 * The object's reference and title are read when the notification is shown, never copied.
 */
export const notificationKinds = ["task_assigned", "workflow_changed", "task_due", "mention"] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const workflowChanges = ["started", "completed", "cancelled", "updated", "rejected"] as const;
export type WorkflowChange = (typeof workflowChanges)[number];
