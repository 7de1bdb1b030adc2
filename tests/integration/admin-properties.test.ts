import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import {
  accessRules,
  auditLog,
  objects,
  objectTemplates,
  organizations,
  propertyDefinitions,
  propertyOptions,
  savedViews,
  users,
  watermarks,
} from "@/db/schema";
import { everyObject, everyUser } from "@/lib/access-rules/default-rules";
import type { ActingUser } from "@/lib/auth/acting-user";
import { createProperty as createPropertyService } from "@/lib/properties/create-property";
import { deleteProperty as deletePropertyService } from "@/lib/properties/delete-property";
import { listProperties } from "@/lib/properties/list-properties";
import { listRelationsPointingAt } from "@/lib/properties/list-relations-pointing-at";
import { propertyCreateFormInput, propertyUpdateFormInput } from "@/lib/properties/property-form";
import type { PropertyView } from "@/lib/properties/property-view";
import { updateProperty as updatePropertyService } from "@/lib/properties/update-property";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

// Every answer as an English-speaking Admin reads it.
const createProperty = async (...args: Parameters<typeof createPropertyService>) => inEnglish(await createPropertyService(...args));
const updateProperty = async (...args: Parameters<typeof updatePropertyService>) => inEnglish(await updatePropertyService(...args));
const deleteProperty = async (...args: Parameters<typeof deletePropertyService>) => inEnglish(await deletePropertyService(...args));

const invalid = (fields: Record<string, string>) => ({ ok: false, error: { code: "invalid", message: "Some fields need attention.", fields } });
const nameTaken = "Another property of the same target already has this name (names ignore case).";
const labelTaken = "Another option already has this label (labels ignore case).";
const stale = "This property was changed by someone else since you opened it. Reload it to see the changes.";

describe("property definitions (admin panel)", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  async function setUp() {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse"] });
    const admin = await world.actor({ role: "admin", sites: ["Lyon"] });
    return { world, admin };
  }

  async function authzVersion(organizationId: string): Promise<number> {
    const [row] = await db.select({ v: organizations.authzVersion }).from(organizations).where(eq(organizations.id, organizationId));
    return Number(row!.v);
  }

  async function userProperties(id: string) {
    const [row] = await db.select({ properties: users.properties }).from(users).where(eq(users.id, id));
    return row!.properties;
  }

  async function objectProperties(id: string) {
    const [row] = await db.select({ properties: objects.properties }).from(objects).where(eq(objects.id, id));
    return row!.properties;
  }

  async function addRule(organizationId: string, rule: { name: string; users?: object; objects?: object; match?: { userPropertyId: string; objectPropertyId: string }[] }) {
    await db.insert(accessRules).values({
      organizationId,
      name: rule.name,
      level: "modify",
      users: { ...everyUser, ...rule.users },
      objects: { ...everyObject, ...rule.objects },
      match: rule.match ?? [],
    });
  }

  function choice(admin: ActingUser, appliesTo: "user" | "document", name: string, labels: string[], type: "single_choice" | "multi_choice" = "single_choice") {
    return createProperty(db, admin, { name, appliesTo, type, options: labels.map((label) => ({ label })) }).then(dataOf);
  }

  function optionId(property: PropertyView, label: string): string {
    const option = property.options?.find((entry) => entry.label === label);
    if (!option) throw new Error(`no option ${label}`);
    return option.id;
  }

  describe("create", () => {
    it("creates each type in the API's shape, audited, bumping the authorization version", async () => {
      const { world, admin } = await setUp();
      const before = await authzVersion(world.organizationId);
      const text = dataOf(await createProperty(db, admin, { name: "  Material ", appliesTo: "part", type: "text" }));
      expect(text).toEqual({ id: text.id, name: "Material", appliesTo: "part", type: "text", position: 0, version: 1 });
      const department = await choice(admin, "user", "Department", ["Engineering", "Quality"]);
      expect(department.options?.map((option) => option.label)).toEqual(["Engineering", "Quality"]);
      const lead = dataOf(await createProperty(db, admin, { name: "Quality lead", appliesTo: "product", type: "relation", targetType: "user" }));
      expect(lead).toMatchObject({ type: "relation", targetType: "user" });
      expect(lead).not.toHaveProperty("options");
      expect(await authzVersion(world.organizationId)).toBe(before + 3);

      const [audit] = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, world.organizationId), eq(auditLog.targetId, lead.id)));
      expect(audit).toMatchObject({ action: "property.created", actorId: admin.id, targetType: "property" });

      const page = dataOf(await listProperties(db, admin, {}));
      // Users first, then object types in their order.
      expect(page.items.map((item) => item.appliesTo)).toEqual(["user", "part", "product"]);
      expect(page.nextCursor).toBeNull();
      const first = dataOf(await listProperties(db, admin, { limit: 2 }));
      expect(first.items).toHaveLength(2);
      const second = dataOf(await listProperties(db, admin, { limit: 2, cursor: first.nextCursor! }));
      expect(second.items.map((item) => item.id)).toEqual([lead.id]);
    });

    it("refuses a duplicate name on the same target, in any case, but not on another target", async () => {
      const { admin } = await setUp();
      await choice(admin, "document", "Department", ["Engineering"]);
      const duplicate = await createProperty(db, admin, { name: "department", appliesTo: "document", type: "text" });
      expect(duplicate).toEqual(invalid({ name: nameTaken }));
      dataOf(await createProperty(db, admin, { name: "Department", appliesTo: "part", type: "text" }));
    });

    it("falls back on property_definitions_org_target_name_unique when two creates race", async () => {
      const { admin } = await setUp();
      const results = await Promise.all([
        createProperty(db, admin, { name: "Finish", appliesTo: "part", type: "text" }),
        createProperty(db, admin, { name: "FINISH", appliesTo: "part", type: "text" }),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, error: { code: "invalid", fields: { name: expect.any(String) } } });
    });

    it("validates options and relation targets", async () => {
      const { admin } = await setUp();
      expect(await createProperty(db, admin, { name: "Kind", appliesTo: "document", type: "single_choice" })).toEqual(
        invalid({ options: "Add at least one option." }),
      );
      expect(
        await createProperty(db, admin, { name: "Kind", appliesTo: "document", type: "multi_choice", options: [{ label: "Draft" }, { label: " draft " }] }),
      ).toEqual(invalid({ "options.1.label": labelTaken }));
      expect(await createProperty(db, admin, { name: "Pages", appliesTo: "document", type: "number", options: [{ label: "One" }] })).toEqual(
        invalid({ options: "Only single- and multiple-choice properties have options." }),
      );
      expect(await createProperty(db, admin, { name: "Reviewer", appliesTo: "document", type: "relation" })).toEqual(
        invalid({ targetType: "Pick what the relation points at: users or an object type." }),
      );
      expect(await createProperty(db, admin, { name: "Note", appliesTo: "document", type: "text", targetType: "user" })).toEqual(
        invalid({ targetType: "Only relation properties point at users or objects." }),
      );
      const unknownTarget = await createProperty(db, admin, { name: "Supplier", appliesTo: "part", type: "relation", targetType: "supplier" as never });
      expect(unknownTarget).toEqual(invalid({ targetType: "Pick users or an object type." }));
      const related = dataOf(await createProperty(db, admin, { name: "Main part", appliesTo: "product", type: "relation", targetType: "part" }));
      expect(related.targetType).toBe("part");
    });

    it("is for Admins only", async () => {
      const { world } = await setUp();
      const manager = await world.actor({ role: "manager" });
      expect(await createProperty(db, manager, { name: "Material", appliesTo: "part", type: "text" })).toEqual({
        ok: false,
        error: { code: "forbidden", message: "Only Admins manage properties." },
      });
    });
  });

  describe("rename and options", () => {
    it("renaming keeps every value: they are keyed by id", async () => {
      const { world, admin } = await setUp();
      const userDepartment = await choice(admin, "user", "Department", ["Engineering", "Quality"]);
      const documentNote = dataOf(await createProperty(db, admin, { name: "Note", appliesTo: "document", type: "text" }));
      const person = await world.addUser({ properties: { [userDepartment.id]: optionId(userDepartment, "Quality") } });
      const document = await world.createObject(admin, { title: "Pump", properties: { [documentNote.id]: "handle with care" } });

      const renamed = dataOf(await updateProperty(db, admin, { id: userDepartment.id, version: 1, name: "Service" }));
      expect(renamed).toMatchObject({ name: "Service", version: 2 });
      dataOf(await updateProperty(db, admin, { id: documentNote.id, version: 1, name: "Remark" }));

      expect(await userProperties(person.id)).toEqual({ [userDepartment.id]: optionId(userDepartment, "Quality") });
      expect(await objectProperties(document.id)).toEqual({ [documentNote.id]: "handle with care" });
    });

    it("refuses a stale edit, a duplicate name, and any change of type, target or relation target", async () => {
      const { admin } = await setUp();
      const lead = dataOf(await createProperty(db, admin, { name: "Quality lead", appliesTo: "product", type: "relation", targetType: "user" }));
      dataOf(await createProperty(db, admin, { name: "Line", appliesTo: "product", type: "text" }));
      dataOf(await updateProperty(db, admin, { id: lead.id, version: 1, name: "Quality owner" }));

      expect(await updateProperty(db, admin, { id: lead.id, version: 1, name: "Lead" })).toEqual({
        ok: false,
        error: { code: "conflict", message: stale },
      });
      expect(await updateProperty(db, admin, { id: lead.id, version: 2, name: "LINE" })).toEqual(
        invalid({ name: nameTaken }),
      );
      expect(await updateProperty(db, admin, { id: lead.id, version: 2, type: "text" })).toEqual(
        invalid({ type: "A property's type cannot be changed: its values are stored in that type's form. Create a new property of the other type instead." }),
      );
      expect(await updateProperty(db, admin, { id: lead.id, version: 2, appliesTo: "part" })).toEqual(
        invalid({ appliesTo: "A property stays on what it applies to: create a new property for the other target instead." }),
      );
      expect(await updateProperty(db, admin, { id: lead.id, version: 2, targetType: "document" })).toEqual(
        invalid({
          targetType: "A relation's target cannot be changed: its values name users or objects of that target. Create a new relation instead.",
        }),
      );
      // Restating the same type and target is fine; a case-only rename of itself too.
      expect(dataOf(await updateProperty(db, admin, { id: lead.id, version: 2, type: "relation", targetType: "user", name: "QUALITY OWNER" }))).toMatchObject({
        name: "QUALITY OWNER",
        version: 3,
      });
    });

    it("adds, relabels (even swapping labels), reorders and removes options; removed options leave the values", async () => {
      const { world, admin } = await setUp();
      const priority = await choice(admin, "document", "Priority", ["Low", "High", "Urgent"]);
      const tags = await choice(admin, "document", "Tags", ["Red", "Green", "Blue"], "multi_choice");
      const [low, high, urgent] = ["Low", "High", "Urgent"].map((label) => optionId(priority, label)) as [string, string, string];
      const [red, green, blue] = ["Red", "Green", "Blue"].map((label) => optionId(tags, label)) as [string, string, string];
      const urgentDoc = await world.createObject(admin, { title: "Urgent", properties: { [priority.id]: urgent, [tags.id]: [red, blue] } });
      const lowDoc = await world.createObject(admin, { title: "Low", properties: { [priority.id]: low, [tags.id]: [blue] } });
      await db.update(objectTemplates).set({ defaultProperties: { [priority.id]: urgent } }).where(eq(objectTemplates.id, world.templates.document));

      const edited = dataOf(
        await updateProperty(db, admin, {
          id: priority.id,
          version: 1,
          options: [{ label: "Medium" }, { id: high, label: "Low" }, { id: low, label: "High" }],
        }),
      );
      expect(edited.options).toEqual([
        { id: expect.any(String), label: "Medium" },
        { id: high, label: "Low" },
        { id: low, label: "High" },
      ]);
      // The value naming the removed option is gone; the others are untouched (same ids, new labels).
      expect(await objectProperties(urgentDoc.id)).toEqual({ [tags.id]: [red, blue] });
      expect(await objectProperties(lowDoc.id)).toEqual({ [priority.id]: low, [tags.id]: [blue] });
      const [template] = await db.select().from(objectTemplates).where(eq(objectTemplates.id, world.templates.document));
      expect(template!.defaultProperties).toEqual({});

      dataOf(await updateProperty(db, admin, { id: tags.id, version: 1, options: [{ id: red, label: "Red" }, { id: green, label: "Green" }] }));
      expect(await objectProperties(urgentDoc.id)).toEqual({ [tags.id]: [red] });
      expect(await objectProperties(lowDoc.id)).toEqual({ [priority.id]: low });
    });

    it("refuses to remove an option an access rule or a watermark names, naming them", async () => {
      const { world, admin } = await setUp();
      const site = await choice(admin, "document", "Site tag", ["Lyon", "Toulouse", "Montréal"]);
      const userSite = await choice(admin, "user", "Site tag", ["Lyon", "Toulouse"]);
      await addRule(world.organizationId, {
        name: "Toulouse edits Toulouse documents",
        users: { all: false, properties: [{ propertyId: userSite.id, in: [optionId(userSite, "Toulouse")] }] },
        objects: { types: ["document"], properties: [{ propertyId: site.id, in: [optionId(site, "Toulouse")] }] },
      });
      await db.insert(watermarks).values({
        organizationId: world.organizationId,
        name: "Montréal copy",
        text: "MONTRÉAL",
        triggerPropertyId: site.id,
        triggerValues: [optionId(site, "Montréal")],
      });
      const keep = site.options!.filter((option) => option.label === "Lyon");

      expect(await updateProperty(db, admin, { id: site.id, version: 1, options: keep })).toEqual({
        ok: false,
        error: {
          code: "conflict",
          message:
            "These options of “Site tag” cannot be removed: Toulouse, Montréal. Access rules or watermarks name them (Toulouse edits Toulouse documents, Montréal copy): change those first.",
        },
      });
      expect(await updateProperty(db, admin, { id: userSite.id, version: 1, options: userSite.options!.filter((o) => o.label === "Lyon") })).toEqual({
        ok: false,
        error: {
          code: "conflict",
          message: "These options of “Site tag” cannot be removed: Toulouse. Access rules or watermarks name them (Toulouse edits Toulouse documents): change those first.",
        },
      });
      const options = await db.select().from(propertyOptions).where(eq(propertyOptions.propertyId, site.id));
      expect(options).toHaveLength(3);
      // Removing an option nothing names is fine.
      const withoutLyon = site.options!.filter((option) => option.label !== "Lyon");
      expect(dataOf(await updateProperty(db, admin, { id: site.id, version: 1, options: withoutLyon })).options).toEqual(withoutLyon);
    });

    it("refuses options of another property, listed twice, or none at all", async () => {
      const { admin } = await setUp();
      const a = await choice(admin, "document", "A", ["One", "Two"]);
      const b = await choice(admin, "document", "B", ["Three"]);
      expect(await updateProperty(db, admin, { id: a.id, version: 1, options: [{ id: b.options![0]!.id, label: "Three" }] })).toEqual(
        invalid({ "options.0.id": "This option is not one of this property's: it may have been removed meanwhile." }),
      );
      const one = a.options![0]!;
      expect(await updateProperty(db, admin, { id: a.id, version: 1, options: [one, one] })).toEqual(
        invalid({ "options.1.id": "This option is listed twice.", "options.1.label": labelTaken }),
      );
      expect(await updateProperty(db, admin, { id: a.id, version: 1, options: [] })).toEqual(invalid({ options: "A choice property keeps at least one option." }));
      const note = dataOf(await createProperty(db, admin, { name: "Note", appliesTo: "document", type: "text" }));
      expect(await updateProperty(db, admin, { id: note.id, version: 1, options: [{ label: "x" }] })).toEqual(
        invalid({ options: "Only single- and multiple-choice properties have options." }),
      );
    });
  });

  describe("delete", () => {
    it("is refused while an access rule uses the property, in a user or object condition or a match, naming the rules", async () => {
      const { world, admin } = await setUp();
      const userDepartment = await choice(admin, "user", "Department", ["Engineering"]);
      const documentDepartment = await choice(admin, "document", "Department", ["Engineering"]);
      const kind = await choice(admin, "document", "Kind", ["Drawing"]);
      await addRule(world.organizationId, {
        name: "Same department",
        users: { all: true },
        match: [{ userPropertyId: userDepartment.id, objectPropertyId: documentDepartment.id }],
      });
      await addRule(world.organizationId, {
        name: "Drawings for all",
        users: { all: true },
        objects: { types: ["document"], properties: [{ propertyId: kind.id, in: [optionId(kind, "Drawing")] }] },
      });
      await addRule(world.organizationId, {
        name: "Engineers",
        users: { all: false, properties: [{ propertyId: userDepartment.id, in: [optionId(userDepartment, "Engineering")] }] },
      });

      expect(await deleteProperty(db, admin, { id: userDepartment.id })).toEqual({
        ok: false,
        error: {
          code: "conflict",
          message:
            "“Department” cannot be deleted: access rules or watermarks refer to it (Engineers, Same department). Change them so that they no longer refer to it, then delete it.",
        },
      });
      expect(await deleteProperty(db, admin, { id: documentDepartment.id, version: 1 })).toMatchObject({
        ok: false,
        error: { code: "conflict", message: expect.stringContaining("(Same department)") },
      });
      expect(await deleteProperty(db, admin, { id: kind.id })).toMatchObject({
        ok: false,
        error: { code: "conflict", message: expect.stringContaining("(Drawings for all)") },
      });
      const left = await db.select().from(propertyDefinitions).where(eq(propertyDefinitions.organizationId, world.organizationId));
      expect(left).toHaveLength(3);
    });

    it("is refused while a watermark is triggered by the property, naming it", async () => {
      const { world, admin } = await setUp();
      const confidential = dataOf(await createProperty(db, admin, { name: "Confidential", appliesTo: "document", type: "boolean" }));
      await db.insert(watermarks).values({
        organizationId: world.organizationId,
        name: "Confidential stamp",
        text: "CONFIDENTIAL",
        triggerPropertyId: confidential.id,
        triggerValues: [true],
      });
      expect(await deleteProperty(db, admin, { id: confidential.id })).toEqual({
        ok: false,
        error: {
          code: "conflict",
          message:
            "“Confidential” cannot be deleted: access rules or watermarks refer to it (Confidential stamp). Change them so that they no longer refer to it, then delete it.",
        },
      });
    });

    it("removes an unused property with its options and every value, in users, objects, templates and views", async () => {
      const { world, admin } = await setUp();
      const department = await choice(admin, "document", "Department", ["Engineering", "Quality"]);
      const note = dataOf(await createProperty(db, admin, { name: "Note", appliesTo: "document", type: "text" }));
      const userNote = dataOf(await createProperty(db, admin, { name: "Note", appliesTo: "user", type: "text" }));
      const engineering = optionId(department, "Engineering");
      const kept = await world.createObject(admin, { title: "Kept", properties: { [note.id]: "stays" } });
      const tagged = await world.createObject(admin, { title: "Tagged", properties: { [department.id]: engineering, [note.id]: "also stays" } });
      const person = await world.addUser({ properties: { [userNote.id]: "hello" } });
      await db.update(objectTemplates).set({ defaultProperties: { [department.id]: engineering } }).where(eq(objectTemplates.id, world.templates.document));
      const field = `properties.${department.id}`;
      const [view] = await db
        .insert(savedViews)
        .values({
          organizationId: world.organizationId,
          objectType: "document",
          name: "Engineering",
          shared: true,
          columns: ["reference", field, "title"],
          filters: [{ field, op: "eq", value: engineering }, { field: "title", op: "contains", value: "pump" }],
          sort: [{ field, direction: "asc" }],
        })
        .returning();
      const before = await authzVersion(world.organizationId);

      const deleted = dataOf(await deleteProperty(db, admin, { id: department.id, version: 1 }));
      expect(deleted).toEqual({ id: department.id, removedValues: { users: 0, objects: 1, templates: 1, views: 1 } });
      expect(await objectProperties(tagged.id)).toEqual({ [note.id]: "also stays" });
      expect(await objectProperties(kept.id)).toEqual({ [note.id]: "stays" });
      expect(await db.select().from(propertyOptions).where(eq(propertyOptions.propertyId, department.id))).toEqual([]);
      expect(await db.select().from(propertyDefinitions).where(eq(propertyDefinitions.id, department.id))).toEqual([]);
      const [template] = await db.select().from(objectTemplates).where(eq(objectTemplates.id, world.templates.document));
      expect(template!.defaultProperties).toEqual({});
      const [cleaned] = await db.select().from(savedViews).where(eq(savedViews.id, view!.id));
      expect(cleaned).toMatchObject({
        columns: ["reference", "title"],
        filters: [{ field: "title", op: "contains", value: "pump" }],
        sort: [],
        version: 2,
      });
      expect(await authzVersion(world.organizationId)).toBe(before + 1);
      const audit = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, world.organizationId), eq(auditLog.action, "property.deleted")));
      expect(audit).toHaveLength(1);

      const userDeleted = dataOf(await deleteProperty(db, admin, { id: userNote.id }));
      expect(userDeleted.removedValues.users).toBe(1);
      expect(await userProperties(person.id)).toEqual({});
    });

    it("answers not_found for an unknown property or another organisation's, conflict for a stale version", async () => {
      const { admin } = await setUp();
      const other = await setUp();
      const theirs = dataOf(await createProperty(db, other.admin, { name: "Material", appliesTo: "part", type: "text" }));
      const notFound = { ok: false, error: { code: "not_found", message: "This property does not exist." } };
      expect(await deleteProperty(db, admin, { id: theirs.id })).toEqual(notFound);
      expect(await updateProperty(db, admin, { id: theirs.id, version: 1, name: "Mine" })).toEqual(notFound);
      expect(await deleteProperty(db, admin, { id: "00000000-0000-4000-8000-000000000000" })).toEqual(notFound);
      expect(await deleteProperty(db, other.admin, { id: theirs.id, version: 7 })).toEqual({ ok: false, error: { code: "conflict", message: stale } });
      const viewer = await other.world.actor({ role: "viewer" });
      expect(await deleteProperty(db, viewer, { id: theirs.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    });
  });

  describe("admin forms", () => {
    it("read options from indexed fields in order, only when the editor is there", () => {
      expect(
        propertyUpdateFormInput({
          id: "p",
          version: "3",
          name: "Priority",
          hasOptions: "1",
          "options.10.id": "",
          "options.10.label": "Later",
          "options.2.id": "o2",
          "options.2.label": "First",
        }),
      ).toEqual({ id: "p", version: "3", name: "Priority", options: [{ id: "o2", label: "First" }, { label: "Later" }] });
      expect(propertyUpdateFormInput({ id: "p", version: "1", name: "Note" })).toEqual({ id: "p", version: "1", name: "Note", options: undefined });
      expect(propertyCreateFormInput({ name: "Lead", appliesTo: "product", type: "text", targetType: "user" })).toMatchObject({ targetType: undefined });
      expect(propertyCreateFormInput({ name: "Lead", appliesTo: "product", type: "relation", targetType: "user" })).toMatchObject({ targetType: "user" });
    });
  });

  describe("relations on both sides", () => {
    it("lists, for a user, the objects whose relation names them — only those the caller may see", async () => {
      const { world, admin } = await setUp();
      const lead = dataOf(await createProperty(db, admin, { name: "Quality lead", appliesTo: "product", type: "relation", targetType: "user" }));
      const mentor = dataOf(await createProperty(db, admin, { name: "Mentor", appliesTo: "user", type: "relation", targetType: "user" }));
      const quality = await world.addUser({ name: "Quality person", sites: ["Lyon"] });
      const mentee = await world.addUser({ name: "Mentee", properties: { [mentor.id]: [quality.id] } });
      const lyonProduct = await world.createObject(admin, { type: "product", title: "Lyon pump", properties: { [lead.id]: [quality.id] } });
      const creatorInToulouse = await world.actor({ role: "manager", sites: ["Toulouse"] });
      await world.createObject(creatorInToulouse, { type: "product", title: "Toulouse valve", properties: { [lead.id]: [quality.id] } });

      const seenByLyon = await listRelationsPointingAt(db, await world.actor({ role: "viewer", sites: ["Lyon"] }), { targetKind: "user", targetId: quality.id });
      expect(seenByLyon).toEqual([
        {
          property: { id: mentor.id, name: "Mentor", appliesTo: "user" },
          carriers: [{ kind: "user", id: mentee.id, name: "Mentee", email: mentee.email, active: true }],
          more: false,
        },
        {
          property: { id: lead.id, name: "Quality lead", appliesTo: "product" },
          carriers: [{ kind: "object", id: lyonProduct.id, type: "product", reference: lyonProduct.reference, title: "Lyon pump" }],
          more: false,
        },
      ]);
    });
  });
});
