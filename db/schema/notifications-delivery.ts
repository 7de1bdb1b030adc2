import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { notifications } from "./activity";
import { organizations, users } from "./tenancy";
import { workflowTasks } from "./workflows";

/** How a user wants notifications by e-mail: none, each as it happens, or one daily digest. */
export const notificationEmailModes = ["none", "each", "daily_digest"] as const;
export type NotificationEmailMode = (typeof notificationEmailModes)[number];

/**
 * A user's notification preferences; no row means the defaults (e-mail for each). Edits carry `version`, the absent
 * row counting as version 1.
 */
export const notificationSettings = pgTable(
  "notification_settings",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid().primaryKey(),
    email: text().$type<NotificationEmailMode>().notNull().default("each"),
    version: integer().notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("notification_settings_email_known", sql`${t.email} in ('none', 'each', 'daily_digest')`),
    foreignKey({
      name: "notification_settings_user_fk",
      columns: [t.organizationId, t.userId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete("cascade"),
  ],
);

/**
 * The e-mail outbox: one row per notification still to be mailed, written in the notifying transaction (so a
 * rolled-back change mails nothing) and deleted by the job that sends it after commit (lib/notifications).
 */
export const notificationMails = pgTable(
  "notification_mails",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    notificationId: uuid().primaryKey(),
    userId: uuid().notNull(),
    /** Failed sends so far: the row is dropped after a few. */
    attempts: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("notification_mails_user_idx").on(t.userId, t.createdAt),
    foreignKey({
      name: "notification_mails_notification_fk",
      columns: [t.organizationId, t.notificationId],
      foreignColumns: [notifications.organizationId, notifications.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "notification_mails_user_fk",
      columns: [t.organizationId, t.userId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete("cascade"),
  ],
);

/** Workflow tasks whose passed due date was notified: the due-date job notifies each task once. */
export const taskDueNotices = pgTable(
  "task_due_notices",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    taskId: uuid().notNull(),
    notifiedAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "task_due_notices_pk", columns: [t.taskId] }),
    foreignKey({
      name: "task_due_notices_task_fk",
      columns: [t.organizationId, t.taskId],
      foreignColumns: [workflowTasks.organizationId, workflowTasks.id],
    }).onDelete("cascade"),
  ],
);
