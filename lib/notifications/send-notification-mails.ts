import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { notificationMails, notifications, notificationSettings, objects, users, type NotificationEmailMode } from "@/db/schema";
import { rolesWithCapability } from "@/lib/authz/roles";
import { loadAccessSubject } from "@/lib/authz/subject";
import { env } from "@/lib/env";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import { notificationMail } from "@/lib/mail/notification-mail";
import { sendMail } from "@/lib/mail/send-mail";
import type { NotificationItem } from "./notification-item";
import { notificationItemColumns, notificationObjectJoin, toNotificationItem } from "./notification-rows";
import { visibleNotificationsWhere } from "./visible-notifications";

/** Outbox rows read per run: a backlog drains over a few runs instead of one long one. */
const batchSize = 500;
/** A mail that failed this many times is given up (the notification stays in the bell). */
export const maxMailAttempts = 5;

/** Where links in mails lead when AUTH_URL is not set (the demo on this machine). */
const fallbackBaseUrl = "http://localhost:3000";

interface PendingMail {
  notificationId: string;
  userId: string;
  attempts: number;
  organizationId: string;
  email: string;
  name: string;
  locale: string | null;
  /** Null when the user may no longer receive anything (deactivated, a shared computer now, another role). */
  mode: NotificationEmailMode | null;
}

async function pendingMails(db: Database): Promise<PendingMail[]> {
  const eligible = and(eq(users.active, true), eq(users.kind, "person"), inArray(users.role, [...rolesWithCapability.receive_notifications]));
  return db
    .select({
      notificationId: notificationMails.notificationId,
      userId: notificationMails.userId,
      attempts: notificationMails.attempts,
      organizationId: notificationMails.organizationId,
      email: users.email,
      name: users.name,
      locale: users.locale,
      mode: sql<NotificationEmailMode | null>`case when ${eligible} then coalesce(${notificationSettings.email}, 'each') end`,
    })
    .from(notificationMails)
    .innerJoin(users, eq(users.id, notificationMails.userId))
    .leftJoin(notificationSettings, eq(notificationSettings.userId, notificationMails.userId))
    .orderBy(notificationMails.createdAt)
    .limit(batchSize);
}

/** The pending notifications still worth mailing: unread, and about an object the user can still view. */
async function mailableItems(db: Database, mails: PendingMail[]): Promise<NotificationItem[]> {
  const [first] = mails;
  if (!first) return [];
  const subject = await loadAccessSubject(db, first.organizationId, first.userId);
  if (!subject) return [];
  const rows = await db
    .select(notificationItemColumns)
    .from(notifications)
    .leftJoin(objects, notificationObjectJoin)
    .where(
      and(
        await visibleNotificationsWhere(db, subject),
        isNull(notifications.readAt),
        inArray(
          notifications.id,
          mails.map((mail) => mail.notificationId),
        ),
      ),
    )
    .orderBy(notifications.createdAt);
  return rows.map(toNotificationItem);
}

async function dropMails(db: Database, notificationIds: string[]): Promise<void> {
  if (notificationIds.length > 0) await db.delete(notificationMails).where(inArray(notificationMails.notificationId, notificationIds));
}

async function recordFailure(db: Database, ids: string[]): Promise<void> {
  await db
    .update(notificationMails)
    .set({ attempts: sql`${notificationMails.attempts} + 1` })
    .where(inArray(notificationMails.notificationId, ids));
  await db.delete(notificationMails).where(and(inArray(notificationMails.notificationId, ids), sql`${notificationMails.attempts} >= ${maxMailAttempts}`));
}

function groupByUser(mails: PendingMail[]): PendingMail[][] {
  const groups = new Map<string, PendingMail[]>();
  for (const mail of mails) groups.set(mail.userId, [...(groups.get(mail.userId) ?? []), mail]);
  return [...groups.values()];
}

/**
 * Mails the outbox for the users whose preference is `mode`: each notification on its own (`each`), or all of a
 * user's pending ones in one digest (`daily_digest`). Runs outside any transaction, after the notifying ones
 * committed. Rows of users who want no e-mail (any more) or may no longer receive notifications are dropped, so are
 * those already read in the app or about objects the user can no longer view; a failed send is retried on the next
 * runs, up to `maxMailAttempts` (a digest whole). Answers how many mails went out.
 */
export async function sendNotificationMails(db: Database, mode: Exclude<NotificationEmailMode, "none">): Promise<number> {
  const pending = await pendingMails(db);
  await dropMails(
    db,
    pending.filter((mail) => mail.mode === null || mail.mode === "none").map((mail) => mail.notificationId),
  );
  const baseUrl = env().AUTH_URL ?? fallbackBaseUrl;
  let sent = 0;
  for (const mails of groupByUser(pending.filter((mail) => mail.mode === mode))) {
    const [user] = mails;
    if (!user) continue;
    const items = await mailableItems(db, mails);
    const mailable = new Set(items.map((item) => item.id));
    // Read in the app since, or about an object now out of sight: nothing to mail.
    await dropMails(
      db,
      mails.filter((mail) => !mailable.has(mail.notificationId)).map((mail) => mail.notificationId),
    );
    const locale = isLocale(user.locale) ? user.locale : defaultLocale;
    const batches = mode === "each" ? items.map((item) => [item]) : items.length > 0 ? [items] : [];
    for (const batch of batches) {
      const message = notificationMail(locale, { name: user.name, email: user.email, baseUrl, items: batch });
      const ids = batch.map((item) => item.id);
      if ((await sendMail(message)).ok) {
        sent += 1;
        await dropMails(db, ids);
      } else {
        await recordFailure(db, ids);
      }
    }
  }
  return sent;
}
