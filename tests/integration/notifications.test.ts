import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { getDb, type Database } from "@/db/client";
import { notificationMails, notifications, objects, taskDueNotices, users, workflows, workflowTasks } from "@/db/schema";
import { postComment } from "@/lib/activity/post-comment";
import { updateComment } from "@/lib/activity/update-comment";
import type { ActingUser } from "@/lib/auth/acting-user";
import { countUnreadNotifications } from "@/lib/notifications/count-unread";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { readNotificationPreferences, updateNotificationPreferences } from "@/lib/notifications/notification-preferences";
import { notifyPassedDueDates } from "@/lib/notifications/notify-passed-due-dates";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { allocateReferenceNumbers } from "@/lib/objects/allocate-reference-numbers";
import { formatReference } from "@/lib/objects/object-references";
import { sendNotificationMails } from "@/lib/notifications/send-notification-mails";
import { startSmtpServer, type RunningSmtpServer } from "../e2e/support/smtp-server";
import { dataOf } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

// A port of this area's range (3350–3359): the SMTP server is real, on 127.0.0.1, and closed after the file.
const smtpPort = 3352;

describe("notifications", () => {
  let db: Database;
  let world: ObjectsWorld;
  let manager: ActingUser;
  let viewer: ActingUser;
  let kiosk: ActingUser;
  let elsewhere: ActingUser;
  let service: ActingUser;
  let gone: ActingUser;

  beforeAll(async () => {
    db = await getDb();
    world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse"], rules: [{ name: "Everyone views", level: "view", users: { all: true }, objects: {} }] });
    manager = await world.actor({ role: "manager", sites: ["Lyon"], name: "Marie Manager" });
    viewer = await world.actor({ role: "viewer", sites: ["Lyon"], name: "Victor Viewer" });
    kiosk = await world.actor({ role: "shared_computer", sites: ["Lyon"] });
    elsewhere = await world.actor({ role: "viewer", sites: ["Toulouse"] });
    service = await world.actor({ role: "viewer", sites: ["Lyon"] });
    await db.update(users).set({ kind: "service", passwordHash: null }).where(eq(users.id, service.id));
    gone = await world.actor({ role: "viewer", sites: ["Lyon"] });
    await db.update(users).set({ active: false }).where(eq(users.id, gone.id));
  });

  /** A document of Lyon (the creator's sites): Toulouse cannot see it. */
  const lyonDocument = async (title = "Lyon drawing") => (await world.createObject(manager, { type: "document", title })).id;

  const notifiedIds = async (objectId: string) =>
    (await db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.objectId, objectId))).map((row) => row.userId).sort();

  it("notifies only active Viewer+ people who can view the object, never the actor, shared computers or integrations", async () => {
    const objectId = await lyonDocument();
    await db.transaction((tx) =>
      notifyUsers(tx, {
        organizationId: world.organizationId,
        recipientIds: [manager.id, viewer.id, kiosk.id, elsewhere.id, service.id, gone.id, viewer.id],
        kind: "task_assigned",
        objectId,
        data: { title: "Check the drawing" },
        actorId: manager.id,
      }),
    );
    expect(await notifiedIds(objectId)).toEqual([viewer.id]);
    const [row] = await db.select().from(notifications).where(eq(notifications.objectId, objectId));
    expect(row?.data).toMatchObject({ title: "Check the drawing", actorName: "Marie Manager" });
    // The outbox row is written in the same transaction: e-mail for each is the default.
    expect(await db.select().from(notificationMails).where(eq(notificationMails.notificationId, row!.id))).toHaveLength(1);
  });

  it("writes nothing when the notifying transaction rolls back", async () => {
    const objectId = await lyonDocument();
    await expect(
      db.transaction(async (tx) => {
        await notifyUsers(tx, { organizationId: world.organizationId, recipientIds: [viewer.id], kind: "workflow_changed", objectId, data: { change: "started" }, actorId: manager.id });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await notifiedIds(objectId)).toEqual([]);
  });

  it("notifies the users a comment mentions, only those who can view the object; the excerpt quotes the start", async () => {
    const objectId = await lyonDocument();
    const body = `Please look @${viewer.email} @${elsewhere.email} @${manager.email} @${kiosk.email}`;
    dataOf(await postComment(db, kiosk, { id: objectId, body }));
    expect(await notifiedIds(objectId)).toEqual([manager.id, viewer.id].sort());
    const [mention] = await db.select().from(notifications).where(and(eq(notifications.objectId, objectId), eq(notifications.userId, viewer.id)));
    expect(mention?.kind).toBe("mention");
    expect(String(mention?.data.excerpt)).toBe(`${body.slice(0, 140)}…`);
  });

  it("on an edit of a comment, notifies only the users it newly mentions", async () => {
    const objectId = await lyonDocument();
    const posted = dataOf(await postComment(db, manager, { id: objectId, body: `Hello @${viewer.email}` }));
    const other = await world.actor({ role: "viewer", sites: ["Lyon"] });
    dataOf(await updateComment(db, manager, { id: objectId, commentId: posted.id, body: `Hello @${viewer.email} and @${other.email}`, version: 1 }));
    expect(await notifiedIds(objectId)).toEqual([viewer.id, other.id].sort());
  });

  it("lists the user's notifications newest first with their object, leaves out objects they can no longer view, counts unread", async () => {
    const seen = await lyonDocument("Seen drawing");
    const hidden = await lyonDocument("Soon hidden drawing");
    for (const objectId of [seen, hidden]) {
      await notifyUsers(db, { organizationId: world.organizationId, recipientIds: [elsewhere.id, viewer.id], kind: "mention", objectId, data: {}, actorId: manager.id });
    }
    const before = dataOf(await listNotifications(db, viewer, { limit: 200 }));
    const titles = before.items.map((item) => item.target?.title);
    expect(titles.indexOf("Soon hidden drawing")).toBeLessThan(titles.indexOf("Seen drawing"));
    const unreadBefore = await countUnreadNotifications(db, viewer);

    await db.update(objects).set({ trashedAt: new Date() }).where(eq(objects.id, hidden));
    const after = dataOf(await listNotifications(db, viewer, { limit: 200 }));
    expect(after.items.map((item) => item.target?.title)).not.toContain("Soon hidden drawing");
    expect(await countUnreadNotifications(db, viewer)).toBe(unreadBefore - 1);
    // The Toulouse viewer never got one: they could not see either document.
    expect(dataOf(await listNotifications(db, elsewhere, {})).items).toEqual([]);

    // Pages follow the cursor without repeating or skipping.
    const first = dataOf(await listNotifications(db, viewer, { limit: 1 }));
    const second = dataOf(await listNotifications(db, viewer, { limit: 1, cursor: first.nextCursor! }));
    expect(second.items[0]?.id).toBe(after.items[1]?.id);
    expect((await listNotifications(db, viewer, { cursor: "nonsense" })).ok).toBe(false);
  });

  it("marks some or all of one's own notifications read, never another user's", async () => {
    const objectId = await lyonDocument();
    await notifyUsers(db, { organizationId: world.organizationId, recipientIds: [viewer.id, manager.id], kind: "mention", objectId, data: {}, actorId: null });
    const mine = dataOf(await listNotifications(db, viewer, { unread: "true" }));
    const [theirs] = await db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.objectId, objectId), eq(notifications.userId, manager.id)));
    expect(dataOf(await markNotificationsRead(db, viewer, { ids: [mine.items[0]!.id, theirs!.id] }))).toEqual({ marked: 1 });
    expect(dataOf(await listNotifications(db, viewer, { unread: "true" })).items).toHaveLength(mine.items.length - 1);
    dataOf(await markNotificationsRead(db, viewer, { all: true }));
    expect(await countUnreadNotifications(db, viewer)).toBe(0);
    expect(await countUnreadNotifications(db, manager)).toBeGreaterThan(0);
    expect((await markNotificationsRead(db, viewer, {})).ok).toBe(false);
    expect((await markNotificationsRead(db, viewer, { ids: ["not-an-id"] })).ok).toBe(false);
  });

  it("keeps the e-mail preference with a version: a stale save is a conflict", async () => {
    const user = await world.actor({ role: "viewer", sites: ["Lyon"] });
    expect(await readNotificationPreferences(db, user)).toEqual({ email: "each", version: 1 });
    expect(dataOf(await updateNotificationPreferences(db, user, { email: "daily_digest", version: 1 }))).toEqual({ email: "daily_digest", version: 2 });
    const stale = await updateNotificationPreferences(db, user, { email: "none", version: 1 });
    expect(stale.ok ? null : stale.error.code).toBe("conflict");
    expect(dataOf(await updateNotificationPreferences(db, user, { email: "none", version: 2 }))).toEqual({ email: "none", version: 3 });
    expect((await updateNotificationPreferences(db, user, { email: "weekly", version: 3 } as never)).ok).toBe(false);
  });

  describe("e-mail", () => {
    let smtp: RunningSmtpServer;
    const savedSmtpUrl = process.env.SMTP_URL;
    let logged: MockInstance<typeof console.error>;

    beforeAll(async () => {
      smtp = await startSmtpServer(smtpPort);
      process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
      logged = vi.spyOn(console, "error").mockImplementation(() => {});
    });

    afterAll(async () => {
      logged.mockRestore();
      if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = savedSmtpUrl;
      await smtp.close();
    });

    it("mails each notification, or a daily digest, per the user's preference, after commit, through SMTP", async () => {
      const each = await world.actor({ role: "viewer", sites: ["Lyon"] });
      const digest = await world.actor({ role: "manager", sites: ["Lyon"] });
      const never = await world.actor({ role: "viewer", sites: ["Lyon"] });
      dataOf(await updateNotificationPreferences(db, digest, { email: "daily_digest", version: 1 }));
      dataOf(await updateNotificationPreferences(db, never, { email: "none", version: 1 }));
      const first = await lyonDocument("Gearbox housing");
      const second = await lyonDocument("Gearbox cover");
      for (const objectId of [first, second]) {
        await db.transaction((tx) =>
          notifyUsers(tx, { organizationId: world.organizationId, recipientIds: [each.id, digest.id, never.id, kiosk.id], kind: "task_assigned", objectId, data: { title: "Sign it" }, actorId: manager.id }),
        );
      }
      const to = (user: ActingUser) => smtp.messages.filter((mail) => mail.to.includes(user.email.toLowerCase()));

      await sendNotificationMails(db, "each");
      expect(to(each)).toHaveLength(2);
      expect(to(each)[0]?.subject).toContain("Marie Manager assigned you the task “Sign it”");
      expect([to(digest).length, to(never).length, to(kiosk).length]).toEqual([0, 0, 0]);

      await sendNotificationMails(db, "daily_digest");
      expect(to(digest)).toHaveLength(1);
      expect(to(digest)[0]?.subject).toBe("Atelier: 2 notifications today");
      expect(to(digest)[0]?.text).toContain("Gearbox housing");
      expect(to(digest)[0]?.text).toContain("Gearbox cover");
      // Sent once: the outbox of these users is empty, and the next runs mail nothing more.
      const outbox = await db.select().from(notificationMails).where(inArray(notificationMails.userId, [each.id, digest.id, never.id]));
      expect(outbox).toEqual([]);
      await sendNotificationMails(db, "each");
      await sendNotificationMails(db, "daily_digest");
      expect([to(each).length, to(digest).length, to(never).length]).toEqual([2, 1, 0]);
    });
  });

  it("notifies the assignee of an open task whose due date passed, once per task", async () => {
    const number = await allocateReferenceNumbers(db, world.organizationId, "workflow");
    const [workflow] = await db
      .insert(objects)
      .values({
        organizationId: world.organizationId,
        type: "workflow",
        number,
        reference: formatReference("workflow", number),
        title: "ECO gearbox",
        ownerId: manager.id,
        scopeKind: "organization",
        createdById: manager.id,
      })
      .returning({ id: objects.id });
    const workflowId = workflow!.id;
    await db.insert(workflows).values({ objectId: workflowId, organizationId: world.organizationId, kind: "ECO", responsibleId: manager.id, status: "in_progress" });
    const tasks = await db
      .insert(workflowTasks)
      .values([
        { organizationId: world.organizationId, workflowId, title: "Overdue review", assigneeId: viewer.id, dueDate: "2026-01-05" },
        { organizationId: world.organizationId, workflowId, title: "Future review", assigneeId: viewer.id, dueDate: "2999-01-05" },
        { organizationId: world.organizationId, workflowId, title: "Done review", assigneeId: viewer.id, dueDate: "2026-01-05", status: "done" },
      ])
      .returning({ id: workflowTasks.id });
    await notifyPassedDueDates(db);
    await notifyPassedDueDates(db);
    const due = await db.select().from(notifications).where(and(eq(notifications.objectId, workflowId), eq(notifications.kind, "task_due")));
    expect(due.map((row) => [row.userId, row.data.title, row.data.dueDate])).toEqual([[viewer.id, "Overdue review", "2026-01-05"]]);
    const notices = await db.select().from(taskDueNotices).where(inArray(taskDueNotices.taskId, tasks.map((task) => task.id)));
    expect(notices).toHaveLength(1);
  });
});
