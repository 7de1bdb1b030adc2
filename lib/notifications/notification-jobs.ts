import "server-only";
import type { ScheduledJob } from "@/lib/jobs/scheduled-job";
import { notifyPassedDueDates } from "./notify-passed-due-dates";
import { sendNotificationMails } from "./send-notification-mails";

const minute = 60_000;

/**
 * The notification jobs: e-mails for each notification go out within a minute of the change's commit, the digest
 * once a day (its first run when the server starts), passed due dates are noticed every quarter of an hour.
 */
export const notificationJobs: readonly ScheduledJob[] = [
  { name: "notifications.mail_each", everyMs: minute, run: async (db) => void (await sendNotificationMails(db, "each")) },
  { name: "notifications.daily_digest", everyMs: 24 * 60 * minute, run: async (db) => void (await sendNotificationMails(db, "daily_digest")) },
  { name: "notifications.due_dates", everyMs: 15 * minute, run: async (db) => void (await notifyPassedDueDates(db)) },
];
