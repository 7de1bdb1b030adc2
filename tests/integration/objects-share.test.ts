import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { teams } from "@/db/schema";
import { changeObjectScope } from "@/lib/objects/change-object-scope";
import { describeObjectSharing } from "@/lib/objects/describe-object-sharing";
import { explainObjectAccess } from "@/lib/objects/explain-object-access";
import { updateObjectProperties } from "@/lib/objects/update-object-properties";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

describe("the Share tab and effective access", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  /** The demo's rules (SPEC §9), a department match, a narrower rule and a disabled one; one Toulouse-tagged document. */
  async function demoLike() {
    const world = await ObjectsWorld.create(db, { sites: ["Toulouse", "Lyon"], rules: [] });
    const userTag = await world.addProperty("user", "Site tag", "single_choice", { labels: ["Toulouse", "Lyon"] });
    const userDepartment = await world.addProperty("user", "Department", "single_choice", { labels: ["Engineering", "Quality"] });
    const documentTag = await world.addProperty("document", "Site tag", "single_choice", { labels: ["Toulouse", "Lyon"] });
    const documentDepartment = await world.addProperty("document", "Department", "single_choice", { labels: ["Engineering", "Quality"] });
    const [team] = await db.insert(teams).values({ organizationId: world.organizationId, name: "Pumps" }).returning({ id: teams.id });
    await world.setRules([
      { name: "Everyone — View — all objects", level: "view", users: { all: true } },
      { name: "Admins — Full access — all objects", level: "full", users: { roles: ["admin"] } },
      {
        name: "Managers — Modify — parts, products, projects, manufacturing orders, workflows",
        level: "modify",
        users: { roles: ["manager"] },
        objects: { types: ["part", "product", "project", "manufacturing_order", "workflow"] },
      },
      {
        name: "Toulouse edits Toulouse documents",
        level: "modify",
        users: { properties: [{ propertyId: userTag.id, in: [userTag.option.Toulouse] }] },
        objects: { types: ["document"], properties: [{ propertyId: documentTag.id, in: [documentTag.option.Toulouse] }] },
      },
      {
        name: "Lyon edits Lyon documents",
        level: "modify",
        users: { properties: [{ propertyId: userTag.id, in: [userTag.option.Lyon] }] },
        objects: { types: ["document"], properties: [{ propertyId: documentTag.id, in: [documentTag.option.Lyon] }] },
      },
      {
        name: "Same department downloads",
        level: "view",
        users: { roles: ["viewer", "manager"], siteIds: [world.site("Lyon")], teamIds: [team!.id] },
        objects: { types: ["document"] },
        match: [{ userPropertyId: userDepartment.id, objectPropertyId: documentDepartment.id }],
      },
      { name: "Switched off", level: "full", enabled: false, users: { all: true } },
    ]);
    const admin = await world.actor({ role: "admin", sites: ["Toulouse", "Lyon"], name: "Alice Admin" });
    const toulouseManager = await world.actor({ sites: ["Toulouse"], name: "Mathieu Manager", properties: { [userTag.id]: userTag.option.Toulouse } });
    const lyonManager = await world.actor({ sites: ["Lyon"], name: "Nathalie Girard", properties: { [userTag.id]: userTag.option.Lyon } });
    const lyonViewer = await world.actor({ role: "viewer", sites: ["Lyon"], name: "Valérie Viewer", properties: { [userTag.id]: userTag.option.Lyon } });
    const document = await world.createObject(admin, {
      title: "Toulouse procedure",
      properties: { [documentTag.id]: documentTag.option.Toulouse, [documentDepartment.id]: documentDepartment.option.Engineering },
    });
    dataOf(await changeObjectScope(db, admin, { id: document.id, kind: "sites", siteIds: [world.site("Toulouse"), world.site("Lyon")] }));
    return { world, admin, toulouseManager, lyonManager, lyonViewer, document, userTag, documentTag, team: team! };
  }

  it("shows the scope, the owner, the rules that apply with whom they grant, and the caller's own access", async () => {
    const { world, admin, lyonViewer, document, userTag, documentTag } = await demoLike();
    const sharing = dataOf(await describeObjectSharing(db, lyonViewer, { id: document.id }));

    expect(sharing.scope).toEqual({
      kind: "sites",
      sites: [
        { id: world.site("Lyon"), name: "Lyon", archived: false },
        { id: world.site("Toulouse"), name: "Toulouse", archived: false },
      ],
    });
    expect(sharing.owner).toEqual({ id: admin.id, name: "Alice Admin" });
    // Not the managers' rule (other types), not Lyon's (other tag), not the disabled one.
    expect(sharing.rules.map((rule) => [rule.name, rule.level, rule.grantsTo])).toEqual([
      ["Everyone — View — all objects", "view", "All users"],
      ["Admins — Full access — all objects", "full", "Users with the Admin role"],
      ["Toulouse edits Toulouse documents", "modify", "Users whose Site tag is Toulouse"],
      [
        "Same department downloads",
        "view",
        "Users on site Lyon, with the Viewer or Manager role, in team Pumps, and whose Department matches this object's Department (Engineering)",
      ],
    ]);
    const toulouseRule = sharing.rules.find((rule) => rule.name === "Toulouse edits Toulouse documents")!;
    expect(toulouseRule).toMatchObject({
      levelLabel: "Modify",
      matchesUserPropertiesToObject: false,
      users: { all: false, properties: [{ propertyId: userTag.id, propertyName: "Site tag", values: [{ value: userTag.option.Toulouse, label: "Toulouse" }] }] },
      objects: { types: ["document"], properties: [{ propertyId: documentTag.id, propertyName: "Site tag", values: [{ value: documentTag.option.Toulouse, label: "Toulouse" }] }] },
    });
    expect(sharing.rules.find((rule) => rule.name === "Same department downloads")).toMatchObject({
      matchesUserPropertiesToObject: true,
      match: [{ userPropertyName: "Department", objectPropertyName: "Department", objectValues: [{ label: "Engineering" }] }],
    });
    expect(sharing.you).toMatchObject({ userId: lyonViewer.id, userName: "Valérie Viewer", level: "view", levelLabel: "View" });
    expect(sharing.you.actions.download.allowed).toBe(true);
    expect(sharing.you.actions.edit).toMatchObject({ allowed: false, role: { ok: false }, scope: { ok: true } });
  });

  it("words levels and whom each rule grants in the caller's language", async () => {
    const { lyonViewer, document } = await demoLike();
    const sharing = dataOf(await describeObjectSharing(db, lyonViewer, { id: document.id }, { locale: "fr" }));
    expect(sharing.rules.map((rule) => [rule.levelLabel, rule.grantsTo])).toEqual([
      ["Consultation", "Tous les utilisateurs"],
      ["Accès complet", "Utilisateurs avec le rôle Administrateur"],
      ["Modification", "Utilisateurs dont la propriété Site tag est Toulouse"],
      [
        "Consultation",
        "Utilisateurs du site Lyon, avec le rôle Lecteur ou Responsable, dans l'équipe Pumps et dont la propriété Department correspond à la propriété Department de cet objet (Engineering)",
      ],
    ]);
    expect(sharing.you.levelLabel).toBe("Consultation");
    const explained = dataOf(await explainObjectAccess(db, lyonViewer, { id: document.id }, { locale: "fr" }));
    expect(explained.levelLabel).toBe("Consultation");
    expect(explained.actions.view.role.reason).toBe("Le rôle Lecteur le permet.");
    expect(explained.actions.edit.role.reason).toBe("Le rôle Lecteur ne le permet pas.");
    expect(explained.scope.reason).toBe("Membre d'un site avec lequel il est partagé.");
  });

  it("explains the reference example: the Toulouse manager may edit, the Lyon manager in scope only views", async () => {
    const { toulouseManager, lyonManager, document } = await demoLike();
    const toulouse = dataOf(await explainObjectAccess(db, toulouseManager, { id: document.id, userId: lyonManager.id }));
    expect(toulouse).toMatchObject({ userId: lyonManager.id, userName: "Nathalie Girard", active: true, level: "view" });
    expect(toulouse.actions.edit).toEqual({
      allowed: false,
      role: { ok: true, reason: "Manager may do this." },
      scope: { ok: true, reason: "Member of a site it is shared with." },
      rule: { ok: false, reason: "The matching rules grant a lower level." },
    });
    expect(toulouse.grantingRules.map((rule) => rule.name)).toEqual(["Everyone — View — all objects"]);

    const own = dataOf(await explainObjectAccess(db, toulouseManager, { id: document.id }));
    expect(own).toMatchObject({ userId: toulouseManager.id, level: "modify" });
    expect(own.actions.edit).toMatchObject({ allowed: true, rule: { ok: true, reason: "Granted by “Toulouse edits Toulouse documents”." } });
    expect(own.actions.delete).toMatchObject({ allowed: false, rule: { ok: false } });

    // And the services agree with the explanation.
    expect((await updateObjectProperties(db, toulouseManager, { id: document.id, version: 2, title: "Edited in Toulouse" })).ok).toBe(true);
    expect(await updateObjectProperties(db, lyonManager, { id: document.id, version: 3, title: "Edited in Lyon" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
  });

  it("checking someone else's access is Manager+; anyone may check their own", async () => {
    const { lyonViewer, lyonManager, document } = await demoLike();
    expect(inEnglish(await explainObjectAccess(db, lyonViewer, { id: document.id, userId: lyonManager.id }))).toEqual({
      ok: false,
      error: { code: "forbidden", message: "Only Managers and Admins can check another user's access." },
    });
    expect(dataOf(await explainObjectAccess(db, lyonViewer, { id: document.id, userId: lyonViewer.id })).level).toBe("view");
  });

  it("explains a user out of scope, and an inactive one", async () => {
    const { world, admin, document } = await demoLike();
    await world.addSite("Montréal");
    const outsider = await world.addUser({ sites: ["Montréal"] });
    const away = await world.addUser({ sites: ["Lyon"], active: false });
    const outside = dataOf(await explainObjectAccess(db, admin, { id: document.id, userId: outsider.id }));
    expect(outside).toMatchObject({ level: "none", scope: { ok: false, reason: "Not a member of any site it is shared with." } });
    expect(outside.actions.view.allowed).toBe(false);
    const inactive = dataOf(await explainObjectAccess(db, admin, { id: document.id, userId: away.id }));
    expect(inactive).toMatchObject({ active: false, level: "none", grantingRules: [] });
  });

  it("answers not_found for an unknown user, another organisation's user, and an object the caller cannot view", async () => {
    const { admin, document } = await demoLike();
    const elsewhere = await demoLike();
    const unknownUser = { ok: false, error: { code: "not_found", message: "This user does not exist." } };
    expect(inEnglish(await explainObjectAccess(db, admin, { id: document.id, userId: "00000000-0000-4000-8000-000000000000" }))).toEqual(unknownUser);
    expect(inEnglish(await explainObjectAccess(db, admin, { id: document.id, userId: elsewhere.lyonManager.id }))).toEqual(unknownUser);
    const hidden = { ok: false, error: { code: "not_found", message: "This object does not exist, or you do not have access to it." } };
    expect(inEnglish(await explainObjectAccess(db, admin, { id: elsewhere.document.id }))).toEqual(hidden);
    expect(inEnglish(await describeObjectSharing(db, admin, { id: elsewhere.document.id }))).toEqual(hidden);
  });
});
