import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, organizations } from "@/db/schema";
import { createProperty } from "@/lib/properties/create-property";
import { createView as createViewService } from "@/lib/views/create-view";
import { deleteView as deleteViewService } from "@/lib/views/delete-view";
import { getView as getViewService, listViews } from "@/lib/views/list-views";
import { updateView as updateViewService } from "@/lib/views/update-view";
import { viewToListFilter } from "@/lib/views/view-to-list-filter";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

// Every answer as an English-speaking user reads it.
const createView = async (...args: Parameters<typeof createViewService>) => inEnglish(await createViewService(...args));
const updateView = async (...args: Parameters<typeof updateViewService>) => inEnglish(await updateViewService(...args));
const deleteView = async (...args: Parameters<typeof deleteViewService>) => inEnglish(await deleteViewService(...args));
const getView = async (...args: Parameters<typeof getViewService>) => inEnglish(await getViewService(...args));

const invalid = (fields: Record<string, string>) => ({ ok: false, error: { code: "invalid", message: "Some fields need attention.", fields } });
const notFound = { ok: false, error: { code: "not_found", message: "This view does not exist." } };
const adminOnly = { ok: false, error: { code: "forbidden", message: "Only Admins manage shared views. Save it as a personal view instead." } };

describe("saved views", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  async function setUp() {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon"] });
    const admin = await world.actor({ role: "admin", sites: ["Lyon"] });
    const viewer = await world.actor({ role: "viewer", sites: ["Lyon"] });
    const colleague = await world.actor({ role: "manager", sites: ["Lyon"] });
    return { world, admin, viewer, colleague };
  }

  async function authzVersion(organizationId: string): Promise<number> {
    const [row] = await db.select({ v: organizations.authzVersion }).from(organizations).where(eq(organizations.id, organizationId));
    return Number(row!.v);
  }

  const basic = { objectType: "document" as const, columns: ["reference", "title"] };

  describe("personal views", () => {
    it("anyone saves their own; nobody else sees or touches it, Admins included", async () => {
      const { world, admin, viewer, colleague } = await setUp();
      const before = await authzVersion(world.organizationId);
      const mine = dataOf(await createView(db, viewer, { ...basic, name: "My documents" }));
      expect(mine).toEqual({
        id: mine.id,
        name: "My documents",
        objectType: "document",
        shared: false,
        ownerId: viewer.id,
        columns: ["reference", "title"],
        filters: [],
        sort: [],
        version: 1,
      });
      // Audited, but a personal view changes no access decision: the authorization version stays.
      expect(await authzVersion(world.organizationId)).toBe(before);
      const [audit] = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, world.organizationId), eq(auditLog.targetId, mine.id)));
      expect(audit).toMatchObject({ action: "view.created", actorId: viewer.id });

      expect(dataOf(await listViews(db, viewer, {})).items.map((view) => view.id)).toEqual([mine.id]);
      expect(dataOf(await listViews(db, admin, {})).items).toEqual([]);
      expect(await getView(db, colleague, { id: mine.id })).toEqual(notFound);
      expect(await updateView(db, admin, { id: mine.id, version: 1, name: "Taken over" })).toEqual(notFound);
      expect(await deleteView(db, colleague, { id: mine.id })).toEqual(notFound);

      const renamed = dataOf(await updateView(db, viewer, { id: mine.id, version: 1, name: "Mine", sort: [{ field: "title", direction: "asc" }] }));
      expect(renamed).toMatchObject({ name: "Mine", sort: [{ field: "title", direction: "asc" }], version: 2 });
      expect(await updateView(db, viewer, { id: mine.id, version: 1, name: "Stale" })).toEqual({
        ok: false,
        error: { code: "conflict", message: "This view was changed by someone else since you opened it. Reload it to see the changes." },
      });
      expect(dataOf(await deleteView(db, viewer, { id: mine.id, version: 2 }))).toEqual({ id: mine.id });
      expect(await getView(db, viewer, { id: mine.id })).toEqual(notFound);
    });

    it("a user cannot share a view, nor turn theirs into a shared one", async () => {
      const { viewer } = await setUp();
      expect(await createView(db, viewer, { ...basic, name: "For all", shared: true })).toEqual(adminOnly);
      const mine = dataOf(await createView(db, viewer, { ...basic, name: "Mine" }));
      expect(await updateView(db, viewer, { id: mine.id, version: 1, shared: true })).toEqual(adminOnly);
    });

    it("names are unique among one's own views of a type, not across users", async () => {
      const { viewer, colleague } = await setUp();
      dataOf(await createView(db, viewer, { ...basic, name: "Recent" }));
      expect(await createView(db, viewer, { ...basic, name: "recent" })).toEqual(invalid({ name: "One of your views of this type already has this name (names ignore case)." }));
      dataOf(await createView(db, colleague, { ...basic, name: "Recent" }));
      dataOf(await createView(db, viewer, { ...basic, objectType: "part", name: "Recent" }));
    });
  });

  describe("shared views", () => {
    it("Admins manage them, everyone lists them, others may not change them", async () => {
      const { world, admin, viewer } = await setUp();
      const before = await authzVersion(world.organizationId);
      const shared = dataOf(await createView(db, admin, { ...basic, name: "All documents", shared: true }));
      expect(shared).toMatchObject({ shared: true, ownerId: null });
      expect(await authzVersion(world.organizationId)).toBe(before + 1);
      const mine = dataOf(await createView(db, viewer, { ...basic, name: "Mine" }));

      expect(dataOf(await listViews(db, viewer, {})).items.map((view) => view.id)).toEqual([shared.id, mine.id]);
      expect(dataOf(await listViews(db, viewer, { shared: "true" })).items.map((view) => view.id)).toEqual([shared.id]);
      expect(await updateView(db, viewer, { id: shared.id, version: 1, name: "Hijacked" })).toEqual(adminOnly);
      expect(await deleteView(db, viewer, { id: shared.id })).toEqual(adminOnly);
      expect(await createView(db, admin, { ...basic, name: "all documents", shared: true })).toEqual(
        invalid({ name: "A shared view of this type already has this name (names ignore case)." }),
      );

      // An Admin may make a shared view personal (it becomes theirs) and share it again (it belongs to nobody).
      const personal = dataOf(await updateView(db, admin, { id: shared.id, version: 1, shared: false }));
      expect(personal).toMatchObject({ shared: false, ownerId: admin.id });
      expect(await getView(db, viewer, { id: shared.id })).toEqual(notFound);
      expect(dataOf(await updateView(db, admin, { id: shared.id, version: 2, shared: true }))).toMatchObject({ shared: true, ownerId: null });
      expect(dataOf(await deleteView(db, admin, { id: shared.id }))).toEqual({ id: shared.id });
    });

    it("another organisation's view does not exist", async () => {
      const { admin } = await setUp();
      const other = await setUp();
      const theirs = dataOf(await createView(db, other.admin, { ...basic, name: "Theirs", shared: true }));
      expect(await getView(db, admin, { id: theirs.id })).toEqual(notFound);
      expect(await updateView(db, admin, { id: theirs.id, version: 1, name: "Ours" })).toEqual(notFound);
      expect(await deleteView(db, admin, { id: theirs.id })).toEqual(notFound);
    });
  });

  describe("columns, filters and sort", () => {
    it("checks fields, operators and values against the type, and stores values canonically", async () => {
      const { world, admin } = await setUp();
      const pages = dataOf(await createProperty(db, admin, { name: "Pages", appliesTo: "document", type: "number" }));
      const tags = dataOf(await createProperty(db, admin, { name: "Tags", appliesTo: "document", type: "multi_choice", options: [{ label: "Red" }] }));
      const kind = dataOf(await createProperty(db, admin, { name: "Kind", appliesTo: "document", type: "single_choice", options: [{ label: "Drawing" }] }));
      const material = dataOf(await createProperty(db, admin, { name: "Material", appliesTo: "part", type: "text" }));
      const red = tags.options![0]!.id;

      expect(
        await createView(db, admin, {
          objectType: "document",
          name: "Broken",
          columns: ["title", "title", `properties.${material.id}`, "colour"],
          filters: [
            { field: `properties.${pages.id}`, op: "contains", value: "1" },
            { field: `properties.${kind.id}`, op: "eq", value: red },
            { field: "createdAt", op: "gt", value: "yesterday" },
            { field: "owner", op: "eq", value: "00000000-0000-4000-8000-000000000000" },
            { field: `properties.${tags.id}`, op: "in", value: [] },
          ],
          sort: [{ field: `properties.${tags.id}`, direction: "asc" }],
        }),
      ).toEqual(
        invalid({
          "columns.1": "This column is listed twice.",
          "columns.2": "This is not a column or a property of this object type.",
          "columns.3": "This is not a column or a property of this object type.",
          "filters.0.op": "This operator does not apply to this field: pick one of those the list offers.",
          "filters.1.value": "Pick one of this field's options.",
          "filters.2.value": "Enter a date as YYYY-MM-DD (or an ISO-8601 time).",
          "filters.3.value": "Pick users of your organisation.",
          "filters.4.value": "Pick at least one value.",
          "sort.0.field": "A list cannot be sorted by this field: it holds several values.",
        }),
      );

      const view = dataOf(
        await createView(db, admin, {
          objectType: "document",
          name: "Long red drawings",
          shared: true,
          columns: ["reference", "title", `properties.${pages.id}`, "updatedAt"],
          filters: [
            { field: `properties.${pages.id}`, op: "gt", value: "10" },
            { field: `properties.${tags.id}`, op: "contains", value: red },
            { field: `properties.${kind.id}`, op: "in", value: [kind.options![0]!.id] },
            { field: "title", op: "contains", value: " pump " },
            { field: "originSite", op: "eq", value: world.site("Lyon") },
            { field: `properties.${pages.id}`, op: "not_empty", value: "ignored" },
          ],
          sort: [{ field: `properties.${pages.id}`, direction: "desc" }],
        }),
      );
      expect(view.filters).toEqual([
        { field: `properties.${pages.id}`, op: "gt", value: 10 },
        { field: `properties.${tags.id}`, op: "contains", value: red },
        { field: `properties.${kind.id}`, op: "in", value: [kind.options![0]!.id] },
        { field: "title", op: "contains", value: "pump" },
        { field: "originSite", op: "eq", value: world.site("Lyon") },
        { field: `properties.${pages.id}`, op: "not_empty" },
      ]);

      expect(viewToListFilter(view)).toEqual({
        objectType: "document",
        columns: [
          { source: "column", column: "reference" },
          { source: "column", column: "title" },
          { source: "property", propertyId: pages.id },
          { source: "column", column: "updatedAt" },
        ],
        conditions: [
          { field: { source: "property", propertyId: pages.id }, op: "gt", value: 10 },
          { field: { source: "property", propertyId: tags.id }, op: "contains", value: red },
          { field: { source: "property", propertyId: kind.id }, op: "in", values: [kind.options![0]!.id] },
          { field: { source: "column", column: "title" }, op: "contains", value: "pump" },
          { field: { source: "column", column: "originSite" }, op: "eq", value: world.site("Lyon") },
          { field: { source: "property", propertyId: pages.id }, op: "not_empty" },
        ],
        order: [{ field: { source: "property", propertyId: pages.id }, direction: "desc", nulls: "last" }],
      });
    });
  });
});
