import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, objectTemplates, templateScopeSites } from "@/db/schema";
import { createProperty } from "@/lib/properties/create-property";
import { listTemplates } from "@/lib/templates/list-templates";
import { templateFormInput } from "@/lib/templates/template-form";
import { updateTemplate as updateTemplateService } from "@/lib/templates/update-template";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

// Every answer as an English-speaking Admin reads it.
const updateTemplate = async (...args: Parameters<typeof updateTemplateService>) => inEnglish(await updateTemplateService(...args));

const invalid = (fields: Record<string, string>) => ({ ok: false, error: { code: "invalid", message: "Some fields need attention.", fields } });

describe("object templates (admin panel)", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  async function setUp() {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse", "Montréal"] });
    const admin = await world.actor({ role: "admin", sites: ["Lyon"] });
    return { world, admin };
  }

  it("lists every type's templates, default first, in the API's shape", async () => {
    const { world, admin } = await setUp();
    const lyonParts = await world.addTemplate("part", "Lyon parts", "sites", ["Lyon"]);
    const page = dataOf(await listTemplates(db, admin, { objectType: "part" }));
    expect(page.items).toEqual([
      {
        id: world.templates.part,
        objectType: "part",
        name: "Standard part",
        isDefault: true,
        defaultScope: { kind: "creator_sites" },
        defaultProperties: {},
        version: 1,
      },
      {
        id: lyonParts,
        objectType: "part",
        name: "Lyon parts",
        isDefault: false,
        defaultScope: { kind: "sites", siteIds: [world.site("Lyon")] },
        defaultProperties: {},
        version: 1,
      },
    ]);
    const all = dataOf(await listTemplates(db, admin, {}));
    expect(all.items.map((item) => item.objectType)).toEqual(["document", "part", "part", "product", "project", "manufacturing_order", "workflow"]);
  });

  it("sets fixed sites of the organisation, audited, and moves the version", async () => {
    const { world, admin } = await setUp();
    const id = world.templates.document;
    const updated = dataOf(
      await updateTemplate(db, admin, { id, version: 1, name: "Shared documents", defaultScope: { kind: "sites", siteIds: [world.site("Toulouse"), world.site("Lyon")] } }),
    );
    expect(updated).toMatchObject({
      name: "Shared documents",
      defaultScope: { kind: "sites", siteIds: [world.site("Lyon"), world.site("Toulouse")].sort() },
      version: 2,
    });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, world.organizationId), eq(auditLog.action, "template.updated")));
    expect(audit).toMatchObject({ actorId: admin.id, targetId: id });

    // Another kind drops the fixed sites.
    const organisation = dataOf(await updateTemplate(db, admin, { id, version: 2, defaultScope: { kind: "organization" } }));
    expect(organisation.defaultScope).toEqual({ kind: "organization" });
    expect(await db.select().from(templateScopeSites).where(eq(templateScopeSites.templateId, id))).toEqual([]);
  });

  it("refuses fixed sites that are archived (unless already on the template), another organisation's, or none", async () => {
    const { world, admin } = await setUp();
    const other = await setUp();
    const id = world.templates.part;
    await world.addSite("Old plant", { archived: true });
    expect(await updateTemplate(db, admin, { id, version: 1, defaultScope: { kind: "sites", siteIds: [world.site("Old plant")] } })).toEqual(
      invalid({ "defaultScope.siteIds": "Archived sites cannot be picked for new scopes: remove them." }),
    );
    expect(await updateTemplate(db, admin, { id, version: 1, defaultScope: { kind: "sites", siteIds: [other.world.site("Lyon")] } })).toEqual(
      invalid({ "defaultScope.siteIds": "Pick sites of your organisation." }),
    );
    expect(await updateTemplate(db, admin, { id, version: 1, defaultScope: { kind: "sites", siteIds: [] } })).toEqual(
      invalid({ "defaultScope.siteIds": "Pick at least one site." }),
    );
    expect(await updateTemplate(db, admin, { id, version: 1, defaultScope: { kind: "owner", siteIds: [world.site("Lyon")] } })).toEqual(
      invalid({ "defaultScope.siteIds": "Only the “fixed sites” default scope names sites." }),
    );

    // A site archived after it was picked may stay on the template.
    dataOf(await updateTemplate(db, admin, { id, version: 1, defaultScope: { kind: "sites", siteIds: [world.site("Montréal"), world.site("Lyon")] } }));
    await world.archiveSite("Montréal");
    const kept = dataOf(await updateTemplate(db, admin, { id, version: 2, defaultScope: { kind: "sites", siteIds: [world.site("Montréal"), world.site("Lyon")] } }));
    expect(kept.defaultScope.siteIds).toHaveLength(2);
  });

  it("validates default property values like an object's, stores them canonically, merges and clears", async () => {
    const { world, admin } = await setUp();
    const pages = dataOf(await createProperty(db, admin, { name: "Pages", appliesTo: "document", type: "number" }));
    const kind = dataOf(await createProperty(db, admin, { name: "Kind", appliesTo: "document", type: "single_choice", options: [{ label: "Drawing" }] }));
    const reviewer = dataOf(await createProperty(db, admin, { name: "Reviewer", appliesTo: "document", type: "relation", targetType: "user" }));
    const material = dataOf(await createProperty(db, admin, { name: "Material", appliesTo: "part", type: "text" }));
    const drawing = kind.options![0]!.id;
    const id = world.templates.document;

    expect(
      await updateTemplate(db, admin, {
        id,
        version: 1,
        defaultProperties: { [pages.id]: "many", [kind.id]: "nope", [reviewer.id]: ["00000000-0000-4000-8000-000000000000"], [material.id]: "steel" },
      }),
    ).toEqual(
      invalid({
        [`defaultProperties.${pages.id}`]: "Enter a number.",
        [`defaultProperties.${kind.id}`]: "Pick one of this property's options.",
        [`defaultProperties.${reviewer.id}`]: "Pick existing users of the organisation.",
        [`defaultProperties.${material.id}`]: "This property does not exist for documents.",
      }),
    );

    const set = dataOf(await updateTemplate(db, admin, { id, version: 1, defaultProperties: { [pages.id]: "12", [kind.id]: drawing, [reviewer.id]: [admin.id] } }));
    expect(set.defaultProperties).toEqual({ [pages.id]: 12, [kind.id]: drawing, [reviewer.id]: [admin.id] });
    const merged = dataOf(await updateTemplate(db, admin, { id, version: 2, defaultProperties: { [pages.id]: null, [reviewer.id]: [] } }));
    expect(merged.defaultProperties).toEqual({ [kind.id]: drawing });

    // New objects take them.
    const created = await world.createObject(admin, { title: "From the template" });
    expect(created.properties).toEqual({ [kind.id]: drawing });
  });

  it("reads the editor's flat form: checked sites and options, user boxes, references of visible objects", async () => {
    const { world, admin } = await setUp();
    const tags = dataOf(await createProperty(db, admin, { name: "Tags", appliesTo: "document", type: "multi_choice", options: [{ label: "A" }, { label: "B" }] }));
    const reviewer = dataOf(await createProperty(db, admin, { name: "Reviewer", appliesTo: "document", type: "relation", targetType: "user" }));
    const parts = dataOf(await createProperty(db, admin, { name: "Parts", appliesTo: "document", type: "relation", targetType: "part" }));
    const secret = dataOf(await createProperty(db, admin, { name: "Secret", appliesTo: "document", type: "boolean" }));
    const part = await world.createObject(admin, { type: "part", title: "Bolt" });
    const b = tags.options![1]!.id;
    const input = dataOf(
      await templateFormInput(db, admin, {
        id: world.templates.document,
        version: "1",
        name: "Standard",
        "defaultScope.kind": "sites",
        [`defaultScope.siteIds.${world.site("Lyon")}`]: "on",
        [`defaultProperties.${tags.id}.${b}`]: "on",
        [`defaultProperties.${reviewer.id}.${admin.id}`]: "on",
        [`defaultProperties.${parts.id}`]: `${part.reference.toLowerCase()}, PRT-999999`,
        [`defaultProperties.${secret.id}`]: "",
      }),
    );
    expect(input).toEqual({
      id: world.templates.document,
      version: 1,
      name: "Standard",
      defaultScope: { kind: "sites", siteIds: [world.site("Lyon")] },
      defaultProperties: { [tags.id]: [b], [reviewer.id]: [admin.id], [parts.id]: [part.id, "PRT-999999"], [secret.id]: null },
    });
    // An unknown reference is refused like an object the Admin cannot see.
    expect(await updateTemplate(db, admin, input)).toEqual(
      invalid({ [`defaultProperties.${parts.id}`]: "Pick existing parts: some of these do not exist, or you do not have access to them." }),
    );
  });

  it("refuses a stale edit, a duplicate name, a change of type, and non-Admins; another organisation's is not_found", async () => {
    const { world, admin } = await setUp();
    const other = await setUp();
    const id = world.templates.document;
    await world.addTemplate("document", "Confidential", "owner");
    dataOf(await updateTemplate(db, admin, { id, version: 1, name: "Standard" }));
    expect(await updateTemplate(db, admin, { id, version: 1, name: "Again" })).toEqual({
      ok: false,
      error: { code: "conflict", message: "This template was changed by someone else since you opened it. Reload it to see the changes." },
    });
    expect(await updateTemplate(db, admin, { id, version: 2, name: "confidential" })).toEqual(
      invalid({ name: "Another template of this type already has this name (names ignore case)." }),
    );
    expect(await updateTemplate(db, admin, { id, version: 2, objectType: "part" })).toEqual(
      invalid({ objectType: "A template stays with its object type: edit a template of the other type instead." }),
    );
    const manager = await world.actor({ role: "manager" });
    expect(await updateTemplate(db, manager, { id, version: 2, name: "Mine" })).toEqual({
      ok: false,
      error: { code: "forbidden", message: "Only Admins manage templates." },
    });
    expect(await updateTemplate(db, other.admin, { id, version: 2, name: "Theirs" })).toEqual({
      ok: false,
      error: { code: "not_found", message: "This template does not exist." },
    });
    const [row] = await db.select().from(objectTemplates).where(eq(objectTemplates.id, id));
    expect(row).toMatchObject({ name: "Standard", version: 2 });
  });
});
