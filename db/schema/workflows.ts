import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, instant, primaryId, updatedAt } from "./columns";
import {
  signatureDecisionEnum,
  taskStatusEnum,
  workflowKindEnum,
  workflowStatusEnum,
  workflowTaskKindEnum,
} from "./enums";
import { documentRevisions } from "./documents";
import { objects } from "./objects";
import { organizations, users } from "./tenancy";

/** A change workflow (ECR, ECO, ECN, NPD); its subjects are object_links of kind `workflow_subject`. */
export const workflows = pgTable(
  "workflows",
  {
    objectId: uuid().primaryKey(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: workflowKindEnum().notNull(),
    /** Manager+ (SPEC §2). */
    responsibleId: uuid().notNull(),
    status: workflowStatusEnum().notNull().default("draft"),
    startedAt: instant(),
    completedAt: instant(),
    cancelledAt: instant(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("workflows_org_object_unique").on(t.organizationId, t.objectId),
    index("workflows_org_kind_status_idx").on(t.organizationId, t.kind, t.status),
    foreignKey({
      name: "workflows_object_fk",
      columns: [t.organizationId, t.objectId],
      foreignColumns: [objects.organizationId, objects.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "workflows_responsible_fk",
      columns: [t.organizationId, t.responsibleId],
      foreignColumns: [users.organizationId, users.id],
    }),
  ],
);

/** Tasks of a workflow, assigned to Viewer+ users; signature tasks are completed by signing. */
export const workflowTasks = pgTable(
  "workflow_tasks",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    workflowId: uuid().notNull(),
    kind: workflowTaskKindEnum().notNull().default("task"),
    title: text().notNull(),
    assigneeId: uuid(),
    /** Signature tasks: the document revision to sign (required for them, absent on plain tasks). */
    revisionId: uuid(),
    status: taskStatusEnum().notNull().default("open"),
    dueDate: date({ mode: "string" }),
    completedAt: instant(),
    completedById: uuid(),
    position: integer().notNull().default(0),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("workflow_tasks_org_id_unique").on(t.organizationId, t.id),
    index("workflow_tasks_workflow_idx").on(t.workflowId, t.position),
    index("workflow_tasks_assignee_status_idx").on(t.organizationId, t.assigneeId, t.status),
    index("workflow_tasks_revision_idx").on(t.revisionId),
    check("workflow_tasks_signature_revision", sql`(${t.kind} = 'signature') = (${t.revisionId} is not null)`),
    foreignKey({
      name: "workflow_tasks_workflow_fk",
      columns: [t.organizationId, t.workflowId],
      foreignColumns: [workflows.organizationId, workflows.objectId],
    }).onDelete("cascade"),
    foreignKey({
      name: "workflow_tasks_assignee_fk",
      columns: [t.organizationId, t.assigneeId],
      foreignColumns: [users.organizationId, users.id],
    }),
    foreignKey({
      name: "workflow_tasks_revision_fk",
      columns: [t.organizationId, t.revisionId],
      foreignColumns: [documentRevisions.organizationId, documentRevisions.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "workflow_tasks_completed_by_fk",
      columns: [t.organizationId, t.completedById],
      foreignColumns: [users.organizationId, users.id],
    }),
  ],
);

/** A signature on a document revision, given through a signature task or directly. */
export const signatures = pgTable(
  "signatures",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    revisionId: uuid().notNull(),
    taskId: uuid(),
    signerId: uuid().notNull(),
    decision: signatureDecisionEnum().notNull(),
    comment: text(),
    signedAt: createdAt(),
  },
  (t) => [
    index("signatures_revision_idx").on(t.revisionId),
    index("signatures_task_idx").on(t.taskId),
    foreignKey({
      name: "signatures_revision_fk",
      columns: [t.organizationId, t.revisionId],
      foreignColumns: [documentRevisions.organizationId, documentRevisions.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "signatures_task_fk",
      columns: [t.organizationId, t.taskId],
      foreignColumns: [workflowTasks.organizationId, workflowTasks.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "signatures_signer_fk",
      columns: [t.organizationId, t.signerId],
      foreignColumns: [users.organizationId, users.id],
    }),
  ],
);
