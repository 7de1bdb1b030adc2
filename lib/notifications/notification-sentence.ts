import type { createTranslator } from "next-intl";
import type { Messages } from "@/lib/i18n/messages";
import { workflowChanges } from "./notification-kinds";
import type { NotificationItem } from "./notification-item";

/** A translator of the `notifications` namespace: the page's (getTranslations) or the mail's (createTranslator). */
export type NotificationsTranslator = ReturnType<typeof createTranslator<Messages, "notifications">>;

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** "PRJ-0042 Gearbox": the object as it is now, or the app's name for a notification about none. */
export function notificationTarget(t: NotificationsTranslator, item: Pick<NotificationItem, "target">): string {
  return item.target ? `${item.target.reference} ${item.target.title}` : t("noTarget");
}

/**
 * The sentence of one notification in the reader's language, as plain text: the bell, the list page and the e-mails
 * all say it the same way. Data written by older code or missing a key falls back to a shorter sentence.
 */
export function notificationSentence(t: NotificationsTranslator, item: Pick<NotificationItem, "kind" | "data" | "target">): string {
  const actor = text(item.data.actorName) ?? t("someone");
  const target = notificationTarget(t, item);
  const title = text(item.data.title);
  switch (item.kind) {
    case "task_assigned":
      return title ? t("sentences.taskAssigned", { actor, title, target }) : t("sentences.taskAssignedUntitled", { actor, target });
    case "workflow_changed": {
      const change = text(item.data.change);
      return t("sentences.workflowChanged", { actor, target, change: change && (workflowChanges as readonly string[]).includes(change) ? change : "updated" });
    }
    case "task_due": {
      const dueDate = text(item.data.dueDate);
      return title && dueDate ? t("sentences.taskDue", { title, target, dueDate }) : t("sentences.taskDueUntitled", { target });
    }
    case "mention":
      return t("sentences.mention", { actor, target });
  }
  return t("sentences.other", { target });
}
