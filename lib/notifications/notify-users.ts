import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notificationMails, notifications, notificationSettings, users } from "@/db/schema";
import { effectiveLevel } from "@/lib/authz/decide";
import { loadObjectAccessFacts } from "@/lib/authz/object-access";
import { rolesWithCapability } from "@/lib/authz/roles";
import { loadAccessSubject, planFor } from "@/lib/authz/subject";
import { isUuid } from "@/lib/validation/uuid";
import type { NotificationKind } from "./notification-kinds";

export interface NotifyUsersInput {
  organizationId: string;
  recipientIds: string[];
  kind: NotificationKind;
  /** The object the notification is about (a workflow, a document…); null for none. */
  objectId: string | null;
  data: Record<string, unknown>;
  /** Who caused it: never notified of their own doing. */
  actorId: string | null;
}

/** Active personal accounts of the organisation whose role receives notifications (SPEC §2: Viewer and up). */
async function eligibleRecipients(db: Executor, organizationId: string, ids: string[]) {
  return db
    .select({ id: users.id, email: notificationSettings.email })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(
      and(
        eq(users.organizationId, organizationId),
        inArray(users.id, ids),
        eq(users.active, true),
        // Shared computers are many people at once and integrations are nobody: neither is ever notified.
        eq(users.kind, "person"),
        inArray(users.role, [...rolesWithCapability.receive_notifications]),
      ),
    );
}

/** Those of the recipients who can view the object now: a notification (and its e-mail) names it. */
async function recipientsWhoCanView(db: Executor, organizationId: string, objectId: string, ids: string[]): Promise<Set<string>> {
  const facts = await loadObjectAccessFacts(db, organizationId, objectId);
  const viewers = new Set<string>();
  if (!facts || facts.trashed) return viewers;
  for (const id of ids) {
    const subject = await loadAccessSubject(db, organizationId, id);
    if (subject && effectiveLevel(await planFor(db, subject), subject, facts) !== "none") viewers.add(id);
  }
  return viewers;
}

async function actorName(db: Executor, organizationId: string, actorId: string | null): Promise<string | null> {
  if (!actorId) return null;
  const [row] = await db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.id, actorId), eq(users.organizationId, organizationId)));
  return row?.name ?? null;
}

/**
 * Notifies users of something that happened: an in-app notification for each recipient who may receive one (active
 * Viewer+ people, never the actor, and only those who can view the object), and a row in the e-mail outbox for
 * those who want e-mail. Runs in the caller's transaction and sends nothing itself: the outbox is mailed by the
 * scheduled jobs after commit (`send-notification-mails.ts`), so a rolled-back change notifies and mails no one.
 */
export async function notifyUsers(db: Executor, input: NotifyUsersInput): Promise<void> {
  const ids = [...new Set(input.recipientIds)].filter((id) => isUuid(id) && id !== input.actorId);
  if (ids.length === 0) return;
  let recipients = await eligibleRecipients(db, input.organizationId, ids);
  if (input.objectId !== null && recipients.length > 0) {
    const viewers = await recipientsWhoCanView(
      db,
      input.organizationId,
      input.objectId,
      recipients.map((recipient) => recipient.id),
    );
    recipients = recipients.filter((recipient) => viewers.has(recipient.id));
  }
  if (recipients.length === 0) return;

  const data = { ...input.data, actorName: await actorName(db, input.organizationId, input.actorId) };
  const inserted = await db
    .insert(notifications)
    .values(recipients.map((recipient) => ({ organizationId: input.organizationId, userId: recipient.id, kind: input.kind, objectId: input.objectId, data })))
    .returning({ id: notifications.id, userId: notifications.userId });
  const mailed = new Set(recipients.filter((recipient) => recipient.email !== "none").map((recipient) => recipient.id));
  const outbox = inserted.filter((row) => mailed.has(row.userId));
  if (outbox.length > 0) {
    await db
      .insert(notificationMails)
      .values(outbox.map((row) => ({ organizationId: input.organizationId, notificationId: row.id, userId: row.userId })));
  }
}
