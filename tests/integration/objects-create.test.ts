import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { activityEvents, auditLog, documentRevisions, manufacturingOrders, objectLinks, objects, parts, workflows } from "@/db/schema";
import { renderMessage } from "@/lib/i18n/render-error";
import { createObject as createObjectService } from "@/lib/objects/create-object";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

const createObject = async (...args: Parameters<typeof createObjectService>) => inEnglish(await createObjectService(...args));

describe("createObject", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  describe("scope from the template's default", () => {
    it("creator's sites: all of the creator's sites by default, or the subset they pick", async () => {
      const world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse", "Montréal"] });
      const creator = await world.actor({ sites: ["Toulouse", "Lyon"] });

      const all = await world.createObject(creator, { title: "Both sites" });
      expect(all.scope).toEqual({ kind: "sites", siteIds: [world.site("Lyon"), world.site("Toulouse")].sort() });
      expect(all.ownerId).toBe(creator.id);
      expect(all.originSiteId).toBe(world.site("Toulouse"));

      const picked = await world.createObject(creator, { title: "Lyon only", siteIds: [world.site("Lyon")], originSiteId: world.site("Lyon") });
      expect(picked.scope).toEqual({ kind: "sites", siteIds: [world.site("Lyon")] });
      expect(picked.originSiteId).toBe(world.site("Lyon"));
    });

    it("refuses sites and an origin that are not the creator's, with field messages", async () => {
      const world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse"] });
      const creator = await world.actor({ sites: ["Toulouse"] });

      const result = await createObject(db, creator, {
        type: "document",
        title: "Elsewhere",
        siteIds: [world.site("Lyon")],
        originSiteId: world.site("Lyon"),
      });
      expect(result).toEqual({
        ok: false,
        error: {
          code: "invalid",
          message: "Some fields need attention.",
          fields: { siteIds: "Pick among your own sites.", originSiteId: "The origin site must be one of your sites." },
        },
      });
      const empty = await createObject(db, creator, { type: "document", title: "Nowhere", siteIds: [] });
      expect(empty.ok || empty.error.fields).toEqual({ siteIds: "Pick at least one of your sites." });
    });

    it("owner, organisation and fixed sites come from the template, which the creator cannot override", async () => {
      const world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse", "Montréal"] });
      const creator = await world.actor({ sites: ["Toulouse"] });
      await world.setTemplateScope("document", "owner");
      await world.setTemplateScope("part", "organization");
      await world.setTemplateScope("product", "sites", ["Montréal", "Lyon"]);

      expect((await world.createObject(creator, { type: "document" })).scope).toEqual({ kind: "owner", siteIds: [] });
      expect((await world.createObject(creator, { type: "part" })).scope).toEqual({ kind: "organization", siteIds: [] });
      // The owner is always in scope: the creator sees a product shared with sites they are not on.
      const product = await world.createObject(creator, { type: "product" });
      expect(product.scope).toEqual({ kind: "sites", siteIds: [world.site("Lyon"), world.site("Montréal")].sort() });
      expect(product.originSiteId).toBe(world.site("Toulouse"));

      const overridden = await createObject(db, creator, { type: "part", title: "Mine", siteIds: [world.site("Toulouse")] });
      expect(overridden.ok).toBe(false);
      expect(overridden.ok || overridden.error.fields?.siteIds).toMatch(/This template fixes the scope/);
    });

    it("a named template is used instead of the type's default; an unknown one is refused", async () => {
      const world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse"] });
      const creator = await world.actor({ sites: ["Toulouse"] });
      const lyonParts = await world.addTemplate("part", "Lyon parts", "sites", ["Lyon"]);

      const part = await world.createObject(creator, { type: "part", templateId: lyonParts });
      expect(part.templateId).toBe(lyonParts);
      expect(part.scope).toEqual({ kind: "sites", siteIds: [world.site("Lyon")] });

      const wrongType = await createObject(db, creator, { type: "document", title: "Doc", templateId: lyonParts });
      expect(wrongType.ok || wrongType.error.fields).toEqual({ templateId: "This template does not exist for documents." });
    });

    it("archived sites are never picked: not among the creator's sites, not among a template's fixed sites", async () => {
      const world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse", "Montréal"] });
      const creator = await world.actor({ sites: ["Lyon", "Toulouse"] });
      await world.archiveSite("Lyon");

      const document = await world.createObject(creator);
      expect(document.scope).toEqual({ kind: "sites", siteIds: [world.site("Toulouse")] });
      expect(document.originSiteId).toBe(world.site("Toulouse"));
      const refused = await createObject(db, creator, { type: "document", title: "On Lyon", siteIds: [world.site("Lyon")] });
      expect(refused.ok || refused.error.fields?.siteIds).toBe("Pick among your own sites.");

      // A template whose fixed sites are all archived falls back to the creator's sites.
      await world.archiveSite("Montréal");
      await world.setTemplateScope("part", "sites", ["Montréal"]);
      expect((await world.createObject(creator, { type: "part" })).scope).toEqual({ kind: "sites", siteIds: [world.site("Toulouse")] });
    });

    it("without a template: the creator's sites", async () => {
      const world = await ObjectsWorld.create(db, { sites: ["Lyon"] });
      const creator = await world.actor({ sites: ["Lyon"] });
      await world.removeDefaultTemplate("project");
      const project = await world.createObject(creator, { type: "project" });
      expect(project.templateId).toBeNull();
      expect(project.scope).toEqual({ kind: "sites", siteIds: [world.site("Lyon")] });
    });

    it("a creator with no site gets owner; in an organisation with no site at all, organisation", async () => {
      const withSites = await ObjectsWorld.create(db, { sites: ["Lyon"] });
      const homeless = await withSites.actor({ sites: [] });
      const own = await withSites.createObject(homeless);
      expect(own.scope).toEqual({ kind: "owner", siteIds: [] });
      expect(own.originSiteId).toBeNull();

      const noSites = await ObjectsWorld.create(db);
      const anyone = await noSites.actor();
      expect((await noSites.createObject(anyone)).scope).toEqual({ kind: "organization", siteIds: [] });
    });
  });

  it("numbers references per organisation and type, and records the creation", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon"] });
    const creator = await world.actor({ sites: ["Lyon"] });
    const first = await world.createObject(creator, { title: "First" });
    const second = await world.createObject(creator, { title: "Second" });
    const part = await world.createObject(creator, { type: "part", title: "Bracket" });
    expect([first.reference, second.reference, part.reference]).toEqual(["DOC-000001", "DOC-000002", "PRT-000001"]);
    expect(second).toMatchObject({ type: "document", title: "Second", version: 1, properties: {} });

    const events = await db.select().from(activityEvents).where(eq(activityEvents.objectId, first.id));
    expect(events).toMatchObject([{ kind: "created", actorId: creator.id, objectType: "document", data: { reference: "DOC-000001", title: "First" } }]);
  });

  it("adds each type's own row: draft revision A, part defaults, a workflow led by its creator, an order linked to its product", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon"] });
    const creator = await world.actor({ sites: ["Lyon"] });

    const document = await world.createObject(creator);
    expect(await db.select().from(documentRevisions).where(eq(documentRevisions.objectId, document.id))).toMatchObject([
      { label: "A", sequence: 0, status: "draft", createdById: creator.id },
    ]);
    const part = await world.createObject(creator, { type: "part", details: { material: "Steel" } });
    expect(await db.select().from(parts).where(eq(parts.objectId, part.id))).toMatchObject([{ unit: "pc", material: "Steel", status: "in_design" }]);

    const workflow = await world.createObject(creator, { type: "workflow", title: "Change", details: { kind: "ECO" } });
    expect(await db.select().from(workflows).where(eq(workflows.objectId, workflow.id))).toMatchObject([
      { kind: "ECO", responsibleId: creator.id, status: "draft" },
    ]);

    const product = await world.createObject(creator, { type: "product", title: "Pump" });
    const order = await world.createObject(creator, { type: "manufacturing_order", title: "MO", details: { quantity: 12, productId: product.id } });
    expect(await db.select().from(manufacturingOrders).where(eq(manufacturingOrders.objectId, order.id))).toMatchObject([
      { quantity: 12, productObjectId: product.id, siteId: world.site("Lyon"), status: "planned" },
    ]);
    expect(await db.select().from(objectLinks).where(eq(objectLinks.fromObjectId, order.id))).toMatchObject([{ toObjectId: product.id, kind: "mo_product" }]);
  });

  it("asks for the fields a type needs and refuses those it does not use", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon"] });
    const creator = await world.actor({ sites: ["Lyon"] });
    const workflow = await createObject(db, creator, { type: "workflow", title: "Change" });
    expect(workflow.ok || workflow.error.fields).toEqual({ "details.kind": "Pick the workflow type: ECR, ECO, ECN or NPD." });
    const order = await createObject(db, creator, { type: "manufacturing_order", title: "MO", details: { quantity: 0 } });
    expect(order.ok || order.error.fields).toEqual({ "details.quantity": "Make at least 1." });
    const missing = await createObject(db, creator, { type: "manufacturing_order", title: "MO" });
    expect(missing.ok || missing.error.fields).toEqual({ "details.quantity": "Enter the quantity to make." });
    const stray = await createObject(db, creator, { type: "document", title: "Doc", details: { kind: "ECR" } });
    expect(stray.ok || stray.error.fields).toEqual({ "details.kind": "Not used for documents." });
    const untitled = await createObject(db, creator, { type: "document", title: "   " });
    expect(untitled.ok || untitled.error.fields).toEqual({ title: "Give it a title." });
  });

  it("is for Managers and Admins: a Viewer is refused, and the refusal is audited", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon"] });
    const viewer = await world.actor({ role: "viewer", sites: ["Lyon"] });
    const result = await createObject(db, viewer, { type: "document", title: "Nope" });
    expect(result).toEqual({ ok: false, error: { code: "forbidden", message: "Your role does not allow creating objects." } });
    expect(await db.select().from(objects).where(eq(objects.organizationId, world.organizationId))).toEqual([]);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.organizationId, world.organizationId), eq(auditLog.actorId, viewer.id)));
    expect(entry).toMatchObject({ action: "access.denied", targetType: "action", targetId: "objects.create" });
  });

  it("when no rule lets the creator see it, creates it but answers without its id or reference", async () => {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon"],
      rules: [{ level: "full", users: { all: true }, objects: { types: ["document"] } }],
    });
    const creator = await world.actor({ sites: ["Lyon"] });
    const created = dataOf(await createObject(db, creator, { type: "part", title: "Invisible part" }));
    expect(created).toEqual({ visible: false, message: expect.any(String) });
    expect(created.visible || renderMessage("en", created.message)).toBe(
      "Created, but no access rule lets you see it: it is visible only to the users the access rules and its scope allow. Ask an Admin if you need access.",
    );
    const [row] = await db.select().from(objects).where(eq(objects.organizationId, world.organizationId));
    expect(row).toMatchObject({ type: "part", title: "Invisible part", ownerId: creator.id, reference: "PRT-000001" });
  });

  describe("property values", () => {
    it("merges the template's defaults with the input and stores canonical forms", async () => {
      const world = await ObjectsWorld.create(db, { sites: ["Lyon"] });
      const creator = await world.actor({ sites: ["Lyon"] });
      const kind = await world.addProperty("document", "Kind", "single_choice", { labels: ["Drawing", "Report"] });
      const tags = await world.addProperty("document", "Tags", "multi_choice", { labels: ["A", "B"] });
      const pages = await world.addProperty("document", "Pages", "number");
      const due = await world.addProperty("document", "Due", "date");
      const secret = await world.addProperty("document", "Secret", "boolean");
      const note = await world.addProperty("document", "Note", "text");
      const reviewer = await world.addProperty("document", "Reviewer", "relation", { targetType: "user" });
      const gone = await world.addProperty("document", "Gone", "single_choice", { labels: ["X"] });
      await world.setTemplateScope("document", "creator_sites", [], {
        [kind.id]: kind.option.Drawing!,
        [note.id]: "From the template",
        [gone.id]: "an option that no longer exists",
      });

      const document = await world.createObject(creator, {
        properties: {
          [tags.id]: [tags.option.B, tags.option.A, tags.option.B],
          [pages.id]: "12.5",
          [due.id]: "2026-03-01",
          [secret.id]: "true",
          [note.id]: null,
          [reviewer.id]: [creator.id],
        },
      });
      expect(document.properties).toEqual({
        [kind.id]: kind.option.Drawing,
        [tags.id]: [tags.option.B, tags.option.A],
        [pages.id]: 12.5,
        [due.id]: "2026-03-01",
        [secret.id]: true,
        [reviewer.id]: [creator.id],
      });
    });

    it("refuses invalid values with one message per property", async () => {
      const world = await ObjectsWorld.create(db, { sites: ["Lyon"], rules: [{ level: "full", users: { all: true }, objects: { types: ["document", "product"] } }] });
      const creator = await world.actor({ sites: ["Lyon"] });
      const stranger = await world.actor({ sites: [] });
      const kind = await world.addProperty("document", "Kind", "single_choice", { labels: ["Drawing"] });
      const other = await world.addProperty("document", "Other", "single_choice", { labels: ["Elsewhere"] });
      const tags = await world.addProperty("document", "Tags", "multi_choice", { labels: ["A"] });
      const pages = await world.addProperty("document", "Pages", "number");
      const due = await world.addProperty("document", "Due", "date");
      const secret = await world.addProperty("document", "Secret", "boolean");
      const note = await world.addProperty("document", "Note", "text");
      const reviewer = await world.addProperty("document", "Reviewer", "relation", { targetType: "user" });
      const product = await world.addProperty("document", "Product", "relation", { targetType: "product" });
      const partOnly = await world.addProperty("part", "Material", "text");
      // A product only its owner sees (owner scope), and a part nobody's rule covers.
      await world.setTemplateScope("product", "owner");
      const hidden = await world.createObject(stranger, { type: "product", title: "Hidden" });

      const result = await createObject(db, creator, {
        type: "document",
        title: "Bad values",
        properties: {
          [kind.id]: other.option.Elsewhere,
          [tags.id]: tags.option.A,
          [pages.id]: "twelve",
          [due.id]: "2026-02-30",
          [secret.id]: "maybe",
          [note.id]: "x".repeat(2001),
          [reviewer.id]: ["00000000-0000-4000-8000-000000000000"],
          [product.id]: [hidden.id],
          [partOnly.id]: "Steel",
        },
      });
      expect(result.ok).toBe(false);
      expect(result.ok || result.error).toEqual({
        code: "invalid",
        message: "Some fields need attention.",
        fields: {
          [`properties.${kind.id}`]: "Pick one of this property's options.",
          [`properties.${tags.id}`]: "Pick options of this property (a list of option ids).",
          [`properties.${pages.id}`]: "Enter a number.",
          [`properties.${due.id}`]: "Enter a date as YYYY-MM-DD.",
          [`properties.${secret.id}`]: "Enter true or false.",
          [`properties.${note.id}`]: "Enter at most 2,000 characters.",
          [`properties.${reviewer.id}`]: "Pick existing users of the organisation.",
          // The same words for a product that exists but is out of the creator's sight as for one that does not.
          [`properties.${product.id}`]: "Pick existing products: some of these do not exist, or you do not have access to them.",
          [`properties.${partOnly.id}`]: "This property does not exist for documents.",
        },
      });
    });
  });
});
