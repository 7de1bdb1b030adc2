import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as postRoute } from "@/app/api/v1/objects/[id]/comments/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/v1/objects/[id]/comments/[commentId]/route";
import { getDb, type Database } from "@/db/client";
import { activityEvents, auditLog, comments, integrations, users, type Role } from "@/db/schema";
import type { ActivityItem, CommentItem, EventItem } from "@/lib/activity/activity-item";
import { commentSegments } from "@/lib/activity/comment-text";
import { deleteComment as deleteCommentService } from "@/lib/activity/delete-comment";
import { encodeFeedCursor } from "@/lib/activity/feed-cursor";
import { listActivity as listActivityService } from "@/lib/activity/list-activity";
import { postComment as postCommentService } from "@/lib/activity/post-comment";
import { updateComment as updateCommentService } from "@/lib/activity/update-comment";
import type { ActingUser } from "@/lib/auth/acting-user";
import { issueApiToken } from "@/lib/integrations/api-tokens";
import { createObjectLink } from "@/lib/links/create-object-link";
import { changeObjectScope } from "@/lib/objects/change-object-scope";
import { trashObject } from "@/lib/objects/trash-object";
import { updateObjectProperties } from "@/lib/objects/update-object-properties";
import { encodeCursorText } from "@/lib/pagination/cursor-text";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

const listActivity = async (...args: Parameters<typeof listActivityService>) => inEnglish(await listActivityService(...args));
const postComment = async (...args: Parameters<typeof postCommentService>) => inEnglish(await postCommentService(...args));
const updateComment = async (...args: Parameters<typeof updateCommentService>) => inEnglish(await updateCommentService(...args));
const deleteComment = async (...args: Parameters<typeof deleteCommentService>) => inEnglish(await deleteCommentService(...args));

const objectNotFound = { ok: false, error: { code: "not_found", message: "This object does not exist, or you do not have access to it." } };
const notYourComment = { ok: false, error: { code: "forbidden", message: "You can only edit or delete your own comments." } };
const windowClosed = {
  ok: false,
  error: {
    code: "forbidden",
    message: "A comment can be edited or deleted only in the 15 minutes after it was posted: this one can no longer be changed.",
  },
};
const staleComment = { ok: false, error: { code: "conflict", message: "This comment was changed since you opened it. Reload to see its latest text." } };
const invalidCursor = {
  ok: false,
  error: { code: "invalid", message: "Some fields need attention.", fields: { cursor: "This cursor is not valid: start again from the first page." } },
};
const unknownId = "00000000-0000-4000-8000-000000000000";
const minutes = (count: number) => count * 60 * 1000;

const comment = (item: ActivityItem | undefined): CommentItem => {
  if (item?.type !== "comment") throw new Error(`expected a comment, got ${JSON.stringify(item)}`);
  return item;
};
/** A feed as the reader sees it: who did what, newest first. */
const feedSummary = (items: ActivityItem[]) =>
  items.map((item) => (item.type === "comment" ? `${item.author.name}: ${item.body}` : `${item.author?.name ?? "system"} ${item.kind}`));

describe("the activity feed of an object", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  /**
   * Lyon and Toulouse with the demo organisation's rules: everyone views, Managers modify parts and products, Admins
   * have full access. A Lyon part (the creator's sites), and one person of each demo role on the Lyon site.
   */
  async function workshop() {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [
        { name: "Everyone — View — all objects", level: "view", users: { all: true } },
        { name: "Admins — Full access — all objects", level: "full", users: { roles: ["admin"] } },
        { name: "Managers — Modify", level: "modify", users: { roles: ["manager"] }, objects: { types: ["part", "product", "project", "manufacturing_order", "workflow"] } },
      ],
    });
    const admin = await world.actor({ role: "admin", sites: ["Lyon"], name: "Ada Admin" });
    const manager = await world.actor({ role: "manager", sites: ["Lyon"], name: "Marie Curie" });
    const viewer = await world.actor({ role: "viewer", sites: ["Lyon"], name: "Victor Viewer" });
    const kiosk = await world.actor({ role: "shared_computer", sites: ["Lyon"], name: "Lyon shop floor" });
    const outsider = await world.actor({ role: "manager", sites: ["Toulouse"], name: "Toulouse manager" });
    const part = await world.createObject(manager, { type: "part", title: "Bracket" });
    return { world, admin, manager, viewer, kiosk, outsider, part };
  }

  async function tokenFor(world: ObjectsWorld, role: Role, sites: string[]): Promise<string> {
    const service = await world.addUser({ role, sites, name: `${role} connector` });
    await db.update(users).set({ kind: "service", passwordHash: null }).where(eq(users.id, service.id));
    const [integration] = await db.insert(integrations).values({ organizationId: world.organizationId, name: `${role} ${service.id}`, serviceUserId: service.id }).returning();
    return (await issueApiToken(db, { organizationId: world.organizationId, integrationId: integration!.id, name: "test" })).token;
  }

  function call(
    route: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>,
    params: Record<string, string>,
    token: string,
    init: { method?: string; query?: string; body?: unknown } = {},
  ) {
    const headers = new Headers({ authorization: `Bearer ${token}`, "accept-language": "en" });
    if (init.body !== undefined) headers.set("content-type", "application/json");
    const request = new Request(`http://atelier.test/api/v1/objects/${params.id}/comments${init.query ?? ""}`, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return route(request, { params: Promise.resolve(params) });
  }

  it("lets every demo role comment on an object it can view — shared-computer accounts too", async () => {
    const { world, admin, manager, viewer, kiosk, part } = await workshop();
    for (const [user, body] of [
      [admin, "Approved for the next batch."],
      [manager, "Supplier lead time is 6 weeks."],
      [viewer, "Is the drawing up to date?"],
      [kiosk, "Bracket bent on line 2."],
    ] as const) {
      const posted = dataOf(await postComment(db, user, { id: part.id, body }));
      expect(posted).toMatchObject({ type: "comment", author: { id: user.id, name: user.name }, body, version: 1, editedAt: null, mentions: [] });
      expect(posted.permissions).toEqual({ edit: true, delete: true });
    }
    const feed = dataOf(await listActivity(db, viewer, { id: part.id }));
    expect(feedSummary(feed.items)).toEqual([
      "Lyon shop floor: Bracket bent on line 2.",
      "Victor Viewer: Is the drawing up to date?",
      "Marie Curie: Supplier lead time is 6 weeks.",
      "Ada Admin: Approved for the next batch.",
      "Marie Curie created",
    ]);

    // And through /api/v1, with each role's integration token: 201 with the comment, then in the feed.
    for (const role of ["shared_computer", "viewer", "manager", "admin"] as const) {
      const token = await tokenFor(world, role, ["Lyon"]);
      const created = await call(postRoute, { id: part.id }, token, { method: "POST", body: { body: `Posted by the ${role} connector` } });
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({ type: "comment", body: `Posted by the ${role} connector`, author: { name: `${role} connector` }, version: 1 });
      const listed = await call(listRoute, { id: part.id }, token, { query: "?limit=1" });
      expect(listed.status).toBe(200);
      const page = (await listed.json()) as { items: CommentItem[]; nextCursor: string | null };
      expect(page.items.map((item) => item.body)).toEqual([`Posted by the ${role} connector`]);
      expect(page.nextCursor).toEqual(expect.any(String));
    }
  });

  it("answers not_found for the feed and the comments of an object the caller cannot view, as for one that does not exist", async () => {
    const { world, manager, outsider, part } = await workshop();
    const posted = dataOf(await postComment(db, manager, { id: part.id, body: "Lyon only" }));

    expect(await listActivity(db, outsider, { id: part.id })).toEqual(objectNotFound);
    expect(await listActivity(db, outsider, { id: unknownId })).toEqual(objectNotFound);
    // A forged cursor tells nothing either: the object is decided first.
    expect(await listActivity(db, outsider, { id: part.id, cursor: "forged" })).toEqual(objectNotFound);
    expect(await postComment(db, outsider, { id: part.id, body: "Hello?" })).toEqual(objectNotFound);
    expect(await updateComment(db, outsider, { id: part.id, commentId: posted.id, body: "Changed", version: 1 })).toEqual(objectNotFound);
    expect(await deleteComment(db, outsider, { id: part.id, commentId: posted.id })).toEqual(objectNotFound);
    // A comment id that is not on this object is not found either.
    const other = await world.createObject(manager, { type: "part", title: "Other part" });
    expect(await updateComment(db, manager, { id: other.id, commentId: posted.id, body: "Moved?", version: 1 })).toEqual({
      ok: false,
      error: { code: "not_found", message: "This comment does not exist: it may have been deleted." },
    });

    // Through /api/v1: the same 404 body for an invisible object and for an unknown one, for the list and a post.
    const token = await tokenFor(world, "manager", ["Toulouse"]);
    const invisibleList = await call(listRoute, { id: part.id }, token);
    const unknownList = await call(listRoute, { id: unknownId }, token);
    const invisiblePost = await call(postRoute, { id: part.id }, token, { method: "POST", body: { body: "Hello?" } });
    const invisiblePatch = await call(patchRoute, { id: part.id, commentId: posted.id }, token, { method: "PATCH", body: { body: "x", version: 1 } });
    const invisibleDelete = await call(deleteRoute, { id: part.id, commentId: posted.id }, token, { method: "DELETE" });
    expect([invisibleList.status, unknownList.status, invisiblePost.status, invisiblePatch.status, invisibleDelete.status]).toEqual([404, 404, 404, 404, 404]);
    expect(await invisibleList.json()).toEqual(await unknownList.json());
    expect(await db.select().from(comments).where(eq(comments.objectId, part.id))).toHaveLength(1);

    // A trashed object has no feed and takes no comment.
    dataOf(await trashObject(db, await world.actor({ role: "admin", sites: ["Lyon"] }), { id: part.id }));
    expect(await listActivity(db, manager, { id: part.id })).toEqual(objectNotFound);
    expect(await postComment(db, manager, { id: part.id, body: "Still there?" })).toEqual(objectNotFound);
  });

  it("lets the author edit and delete a comment within 15 minutes of posting it, never after", async () => {
    const { manager, part } = await workshop();
    const posted = dataOf(await postComment(db, manager, { id: part.id, body: "Torque 12 Nm" }));
    const postedAt = new Date(posted.at);
    expect(posted.editableUntil).toBe(new Date(postedAt.getTime() + minutes(15)).toISOString());

    const edited = dataOf(await updateComment(db, manager, { id: part.id, commentId: posted.id, body: "Torque 14 Nm", version: 1 }, { now: new Date(postedAt.getTime() + minutes(14)) }));
    expect(edited).toMatchObject({ body: "Torque 14 Nm", version: 2, editedAt: expect.any(String) });
    // An edit made on the version before is stale.
    expect(await updateComment(db, manager, { id: part.id, commentId: posted.id, body: "Torque 16 Nm", version: 1 })).toEqual(staleComment);
    expect(await deleteComment(db, manager, { id: part.id, commentId: posted.id, version: 1 })).toEqual(staleComment);

    // Past the window (the clock injected): refused, and the feed no longer offers it.
    const later = new Date(postedAt.getTime() + minutes(16));
    expect(await updateComment(db, manager, { id: part.id, commentId: posted.id, body: "Torque 16 Nm", version: 2 }, { now: later })).toEqual(windowClosed);
    expect(await deleteComment(db, manager, { id: part.id, commentId: posted.id }, { now: later })).toEqual(windowClosed);
    expect(comment(dataOf(await listActivity(db, manager, { id: part.id }, { now: later })).items[0]).permissions).toEqual({ edit: false, delete: false });

    // Past the window by the database's own clock: a comment posted 20 minutes ago.
    const old = dataOf(await postComment(db, manager, { id: part.id, body: "Old remark" }));
    await db.update(comments).set({ createdAt: sql`now() - interval '20 minutes'` }).where(eq(comments.id, old.id));
    expect(await updateComment(db, manager, { id: part.id, commentId: old.id, body: "New remark", version: 1 })).toEqual(windowClosed);
    expect(await deleteComment(db, manager, { id: part.id, commentId: old.id })).toEqual(windowClosed);

    // Within the window: deleted, gone from the feed with its "commented" event; the audit log keeps both texts.
    expect(dataOf(await deleteComment(db, manager, { id: part.id, commentId: posted.id, version: 2 }))).toEqual({ id: posted.id });
    expect(feedSummary(dataOf(await listActivity(db, manager, { id: part.id })).items)).toEqual(["Marie Curie created", "Marie Curie: Old remark"]);
    const commented = await db
      .select({ data: activityEvents.data })
      .from(activityEvents)
      .where(and(eq(activityEvents.objectId, part.id), eq(activityEvents.kind, "commented")));
    expect(commented).toEqual([{ data: { commentId: old.id } }]);
    const audit = await db
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.targetId, posted.id))
      .orderBy(auditLog.occurredAt);
    expect(audit).toEqual([
      { action: "comment.updated", before: { objectId: part.id, body: "Torque 12 Nm", version: 1 }, after: { body: "Torque 14 Nm", version: 2 } },
      {
        action: "comment.deleted",
        before: { objectId: part.id, authorId: manager.id, body: "Torque 14 Nm", createdAt: posted.at, version: 2 },
        after: { moderation: false },
      },
    ]);
  });

  it("refuses others' comments; an Admin may delete them (moderation) but never edit them", async () => {
    const { world, admin, manager, viewer, kiosk, part } = await workshop();
    const posted = dataOf(await postComment(db, viewer, { id: part.id, body: "My remark" }));

    for (const other of [manager, kiosk, admin]) {
      expect(await updateComment(db, other, { id: part.id, commentId: posted.id, body: "Not yours", version: 1 })).toEqual(notYourComment);
    }
    expect(await deleteComment(db, manager, { id: part.id, commentId: posted.id })).toEqual(notYourComment);
    expect(await deleteComment(db, kiosk, { id: part.id, commentId: posted.id })).toEqual(notYourComment);

    // What each reader may do, as the feed says it.
    const permissionsOf = async (reader: ActingUser) => comment(dataOf(await listActivity(db, reader, { id: part.id })).items[0]).permissions;
    expect(await permissionsOf(viewer)).toEqual({ edit: true, delete: true });
    expect(await permissionsOf(manager)).toEqual({ edit: false, delete: false });
    expect(await permissionsOf(admin)).toEqual({ edit: false, delete: true });

    // Through /api/v1: 403 for another's comment.
    const token = await tokenFor(world, "manager", ["Lyon"]);
    const patched = await call(patchRoute, { id: part.id, commentId: posted.id }, token, { method: "PATCH", body: { body: "Not yours", version: 1 } });
    expect(patched.status).toBe(403);
    expect(await patched.json()).toEqual({ error: notYourComment.error });

    // Hours later, the Admin removes it; the audit log says it was moderation.
    const hoursLater = new Date(Date.now() + minutes(180));
    expect(dataOf(await deleteComment(db, admin, { id: part.id, commentId: posted.id }, { now: hoursLater }))).toEqual({ id: posted.id });
    const [entry] = await db.select({ actorId: auditLog.actorId, after: auditLog.after }).from(auditLog).where(eq(auditLog.targetId, posted.id));
    expect(entry).toEqual({ actorId: admin.id, after: { moderation: true } });
  });

  it("stores and answers the text exactly as typed: HTML stays text", async () => {
    const { world, manager, part } = await workshop();
    const payload = `<script>alert("x")</script><img src=x onerror="alert(1)"> &amp; <b>bold</b> javascript:alert(1)\n  second line`;
    const posted = dataOf(await postComment(db, manager, { id: part.id, body: `  ${payload}\n\n` }));
    expect(posted.body).toBe(payload);
    const [row] = await db.select({ body: comments.body }).from(comments).where(eq(comments.id, posted.id));
    expect(row?.body).toBe(payload);
    expect(comment(dataOf(await listActivity(db, manager, { id: part.id })).items[0]).body).toBe(payload);
    // Drawn as text segments: no link out of "javascript:", nothing but the characters typed.
    expect(commentSegments(payload, [])).toEqual([{ kind: "text", text: payload }]);

    const token = await tokenFor(world, "viewer", ["Lyon"]);
    const created = await call(postRoute, { id: part.id }, token, { method: "POST", body: { body: payload } });
    expect(((await created.json()) as CommentItem).body).toBe(payload);

    // Refusals: empty, too long, a NUL, an unknown field.
    const refused = async (body: unknown) => {
      const answer = await call(postRoute, { id: part.id }, token, { method: "POST", body });
      return { status: answer.status, body: (await answer.json()) as unknown };
    };
    expect(await refused({ body: "   " })).toEqual({ status: 422, body: { error: { code: "invalid", message: "Some fields need attention.", fields: { body: "Write a comment." } } } });
    expect(await refused({ body: "x".repeat(5001) })).toMatchObject({ status: 422, body: { error: { fields: { body: "Keep a comment to 5,000 characters." } } } });
    expect((await refused({ body: "x".repeat(5000) })).status).toBe(201);
    expect(await refused({ body: "a\u0000b" })).toMatchObject({ status: 422, body: { error: { fields: { body: "Remove the control character or broken symbol from this text." } } } });
    expect(await refused({ body: "Hello", html: true })).toMatchObject({ status: 422, body: { error: { fields: { html: "Unknown field: remove it, or check its spelling." } } } });
    expect(await refused({})).toMatchObject({ status: 422, body: { error: { fields: { body: "Write a comment." } } } });
  });

  it("resolves @e-mail mentions to active users of the organisation only", async () => {
    const { world, admin, manager, viewer, part } = await workshop();
    const gone = await world.addUser({ role: "viewer", sites: ["Lyon"], active: false, name: "Gone" });
    const elsewhere = await (await ObjectsWorld.create(db)).addUser({ role: "manager", name: "Other organisation" });
    const body = [
      `@${viewer.email} please check,`,
      `cc (@${admin.email.toUpperCase()}).`,
      `Not: @${gone.email} @${elsewhere.email} @nobody@example.test or ${manager.email} without the @.`,
      `See https://wiki.example.test/brackets_(v2). Twice @${viewer.email}`,
    ].join(" ");
    const posted = dataOf(await postComment(db, manager, { id: part.id, body }));
    expect(posted.mentions).toEqual([
      { userId: viewer.id, name: "Victor Viewer", email: viewer.email },
      { userId: admin.id, name: "Ada Admin", email: admin.email },
    ]);
    const [row] = await db.select({ mentioned: comments.mentionedUserIds }).from(comments).where(eq(comments.id, posted.id));
    expect(row?.mentioned).toEqual([viewer.id, admin.id]);

    // Drawn as names and links; unresolved mentions stay as typed.
    const drawn = commentSegments(posted.body, posted.mentions).filter((segment) => segment.kind !== "text");
    expect(drawn.map((segment) => (segment.kind === "mention" ? `mention ${segment.mention.name}` : segment.kind === "link" ? `link ${segment.href}` : ""))).toEqual([
      "mention Victor Viewer",
      "mention Ada Admin",
      "link https://wiki.example.test/brackets_(v2)",
      "mention Victor Viewer",
    ]);
    expect(commentSegments(posted.body, posted.mentions).map((segment) => segment.text).join("")).toBe(posted.body);

    // An edit resolves its mentions again.
    const edited = dataOf(await updateComment(db, manager, { id: part.id, commentId: posted.id, body: `Only @${admin.email} now`, version: 1 }));
    expect(edited.mentions.map((mention) => mention.name)).toEqual(["Ada Admin"]);
  });

  it("merges the object's events with its comments, newest first, with their authors", async () => {
    const { world, admin, manager, viewer, part } = await workshop();
    const renamed = dataOf(await updateObjectProperties(db, manager, { id: part.id, version: part.version, title: "Bracket v2" }));
    dataOf(await postComment(db, viewer, { id: part.id, body: "First" }));
    dataOf(await changeObjectScope(db, manager, { id: part.id, kind: "organization", version: renamed.version }));
    dataOf(await postComment(db, admin, { id: part.id, body: "Second" }));

    const items = dataOf(await listActivity(db, viewer, { id: part.id })).items;
    expect(feedSummary(items)).toEqual([
      "Ada Admin: Second",
      "Marie Curie scope_changed",
      "Victor Viewer: First",
      "Marie Curie updated",
      "Marie Curie created",
    ]);
    const events = items.filter((item): item is EventItem => item.type === "event");
    expect(events.map((event) => event.details)).toEqual([{ scope: "organization" }, { title: "Bracket v2", propertyCount: 0 }, {}]);
    expect(events[0]?.author).toEqual({ id: manager.id, name: "Marie Curie" });
    const times = items.map((item) => item.at);
    expect([...times].sort().reverse()).toEqual(times);

    // A link event names the other object only to a reader who can view it; the others do not see the event.
    const both = await world.actor({ role: "manager", sites: ["Lyon", "Toulouse"], name: "Both sites" });
    const toulouse = await world.actor({ role: "manager", sites: ["Toulouse"] });
    const product = await world.createObject(both, { type: "product", title: "Pump" });
    const seal = await world.createObject(toulouse, { type: "part", title: "Toulouse seal" });
    await changeObjectScope(db, both, { id: product.id, kind: "organization" });
    dataOf(await createObjectLink(db, both, { id: product.id, targetId: seal.id, kind: "product_part", quantity: 2 }));
    const seenByBoth = dataOf(await listActivity(db, both, { id: product.id })).items[0];
    expect(seenByBoth).toMatchObject({ type: "event", kind: "linked", details: { object: { id: seal.id, type: "part", reference: seal.reference, title: "Toulouse seal" } } });
    expect(feedSummary(dataOf(await listActivity(db, viewer, { id: product.id })).items)).toEqual(["Both sites scope_changed", "Both sites created"]);
  });

  it("pages the feed with its cursor, and refuses a forged one", async () => {
    const { world, manager, viewer, part } = await workshop();
    for (const body of ["one", "two", "three", "four", "five"]) dataOf(await postComment(db, viewer, { id: part.id, body }));
    dataOf(await updateObjectProperties(db, manager, { id: part.id, version: part.version, title: "Bracket B" }));
    dataOf(await postComment(db, manager, { id: part.id, body: "six" }));

    const everything = dataOf(await listActivity(db, viewer, { id: part.id, limit: 200 }));
    expect(everything.nextCursor).toBeNull();
    expect(everything.items).toHaveLength(8);
    const paged: ActivityItem[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = dataOf(await listActivity(db, viewer, { id: part.id, limit: 3, cursor }));
      paged.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(paged.map((item) => item.id)).toEqual(everything.items.map((item) => item.id));

    // Through /api/v1 too: the nextCursor of one page opens the next.
    const token = await tokenFor(world, "viewer", ["Lyon"]);
    const first = (await (await call(listRoute, { id: part.id }, token, { query: "?limit=4" })).json()) as { items: ActivityItem[]; nextCursor: string };
    const second = (await (await call(listRoute, { id: part.id }, token, { query: `?limit=4&cursor=${first.nextCursor}` })).json()) as {
      items: ActivityItem[];
      nextCursor: string | null;
    };
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(everything.items.map((item) => item.id));
    expect(second.nextCursor).toBeNull();

    // Forged cursors: not base64url, another list's cursor, an impossible instant, a bad id, a trailing field.
    const forged = [
      "not a cursor",
      encodeCursorText(`2026-12-07T10:00:00.000000Z|${unknownId}`),
      encodeCursorText(`feed|2026-13-07T10:00:00.000000Z|${unknownId}`),
      encodeCursorText("feed|2026-12-07T10:00:00.000000Z|not-an-id"),
      encodeCursorText(`feed|2026-12-07T10:00:00.000000Z|${unknownId}|more`),
      "x".repeat(5000),
    ];
    for (const text of forged) expect(await listActivity(db, viewer, { id: part.id, cursor: text })).toEqual(invalidCursor);
    const answer = await call(listRoute, { id: part.id }, token, { query: "?cursor=forged" });
    expect(answer.status).toBe(422);
    expect(await answer.json()).toEqual({ error: invalidCursor.error });
    // A well-formed cursor made up by hand is only a position: from far in the future, the whole feed.
    const future = encodeFeedCursor({ at: "2999-01-01T00:00:00.000000Z", id: unknownId });
    expect(dataOf(await listActivity(db, viewer, { id: part.id, limit: 200, cursor: future })).items).toHaveLength(8);
  });
});
