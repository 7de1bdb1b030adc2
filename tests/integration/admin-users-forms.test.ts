import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { propertyDefinitions, propertyOptions, sites, users, type PropertyType } from "@/db/schema";
import { loadPropertyDefinitions } from "@/lib/properties/load-property-definitions";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { propertyValuesFromForm, siteIdsFromForm, userFormFields } from "@/lib/users/user-form-fields";
import { createUserFormInput, updateUserFormInput } from "@/lib/users/user-form-input";
import { createTestOrganization, uniqueEmail } from "../fixtures/organizations";
import { dataOf, inEnglish } from "../fixtures/results";
import { actingUserOf, createTestUser } from "../fixtures/users";

// The user forms post flat strings, one per input name; these tests take them through the same conversion the form
// actions use, into the services.
describe("admin user forms", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  async function world() {
    const organizationId = (await createTestOrganization(db, "User forms")).id;
    const admin = await createTestUser(db, organizationId, { role: "admin" });
    const define = async (type: PropertyType, labels: string[] = [], targetType: "user" | null = null) => {
      const [definition] = await db
        .insert(propertyDefinitions)
        .values({ organizationId, appliesTo: "user", name: `${type} property`, type, targetType })
        .returning({ id: propertyDefinitions.id });
      const option: Record<string, string> = {};
      for (const label of labels) {
        const [row] = await db.insert(propertyOptions).values({ organizationId, propertyId: definition!.id, label }).returning({ id: propertyOptions.id });
        option[label] = row!.id;
      }
      return { id: definition!.id, option };
    };
    const [lyon] = await db.insert(sites).values({ organizationId, name: "Lyon" }).returning({ id: sites.id });
    const [toulouse] = await db.insert(sites).values({ organizationId, name: "Toulouse" }).returning({ id: sites.id });
    const properties = {
      text: await define("text"),
      number: await define("number"),
      date: await define("date"),
      flag: await define("boolean"),
      one: await define("single_choice", ["A", "B"]),
      many: await define("multi_choice", ["X", "Y", "Z"]),
      people: await define("relation", [], "user"),
    };
    const definitions = [...(await loadPropertyDefinitions(db, organizationId, ["user"])).values()];
    return { organizationId, admin, actor: await actingUserOf(db, admin), lyon: lyon!.id, toulouse: toulouse!.id, properties, definitions };
  }

  it("turns every input type into canonical values, and empty inputs into no value", async () => {
    const w = await world();
    const { properties: p } = w;
    const colleague = await createTestUser(db, w.organizationId);
    const values: Record<string, string> = {
      email: uniqueEmail("form"),
      name: "Form Filled",
      role: "manager",
      signInMethod: "password",
      password: "a perfectly fine passphrase",
      [userFormFields.site(w.toulouse)]: "on",
      [userFormFields.site(w.lyon)]: "on",
      primarySiteId: w.lyon,
      [userFormFields.property(p.text.id)]: "  Night shift ",
      [userFormFields.property(p.number.id)]: "12.5",
      [userFormFields.property(p.date.id)]: "2026-05-01",
      [userFormFields.property(p.flag.id)]: "false",
      [userFormFields.property(p.one.id)]: p.one.option.B!,
      [userFormFields.propertyOption(p.many.id, p.many.option.X!)]: "on",
      [userFormFields.propertyOption(p.many.id, p.many.option.Z!)]: "on",
      [userFormFields.property(p.people.id)]: `${colleague.id},${w.admin.id}`,
    };
    expect(siteIdsFromForm(values).sort()).toEqual([w.lyon, w.toulouse].sort());
    // What else a form posts (its submit button, say) is left out, as the action does: the service refuses unknown fields.
    const created = dataOf(await createUser(db, w.actor, createUserFormInput({ ...values, intent: "create" }, w.definitions)));
    expect(created).toMatchObject({ role: "manager", primarySiteId: w.lyon });
    expect(created.properties).toEqual({
      [p.text.id]: "Night shift",
      [p.number.id]: 12.5,
      [p.date.id]: "2026-05-01",
      [p.flag.id]: false,
      [p.one.id]: p.one.option.B,
      [p.many.id]: [p.many.option.X, p.many.option.Z],
      [p.people.id]: [colleague.id, w.admin.id],
    });

    // The edit form sends every property: cleared inputs and unchecked boxes remove the values.
    const cleared: Record<string, string> = { [userFormFields.property(p.text.id)]: "", [userFormFields.property(p.flag.id)]: "", [userFormFields.property(p.people.id)]: "" };
    const updated = dataOf(await updateUser(db, w.actor, updateUserFormInput({ ...cleared, id: created.id, version: String(created.version) }, w.definitions)));
    expect(updated).toMatchObject({ siteIds: [], primarySiteId: null, properties: {} });
  });

  it("reports a property input's error under the property's id", async () => {
    const w = await world();
    const values = { [userFormFields.property(w.properties.number.id)]: "twelve", [userFormFields.property(w.properties.date.id)]: "01/05/2026" };
    const refused = await createUser(db, w.actor, {
      email: uniqueEmail("form"),
      name: "Typo",
      role: "viewer",
      signInMethod: "sso",
      siteIds: [],
      properties: propertyValuesFromForm(w.definitions, values),
    });
    expect(inEnglish(refused)).toMatchObject({
      ok: false,
      error: {
        code: "invalid",
        fields: { [`properties.${w.properties.number.id}`]: "Enter a number.", [`properties.${w.properties.date.id}`]: "Enter a date as YYYY-MM-DD." },
      },
    });
    expect(await db.select({ id: users.id }).from(users).where(eq(users.organizationId, w.organizationId))).toHaveLength(1);
  });
});
