import { expect, test, type Page } from "@playwright/test";
import { signInAsDemoUser } from "./sign-in";
import { expectJson, listAll, signInSession } from "./support/api-session";
import { userMenuButton } from "./support/user-menu";

// SPEC §8, §4: an Admin builds, through the admin panel, what a new Manager may edit — a site, the Manager on it
// with a user property, a rule granting Modify on documents whose matching property has the same value — checks the
// rule's impact preview before saving, and the Manager then edits such a document (and only such a document).
// Every name is unique to the run: the app's data is shared with the other specs.

interface PropertyBody {
  id: string;
  name: string;
  appliesTo: string;
  options?: { id: string; label: string }[];
}
interface ObjectBody {
  id: string;
  reference: string;
  title: string;
  version: number;
  access?: { level: string; actions: string[] };
}

const screenshots = "test-results/screenshots";

/** Creates a single-choice property with options A and B through /admin/properties; answers its name. */
async function createLabProperty(page: Page, target: { appliesTo: "user" | "document"; group: string }, name: string): Promise<void> {
  await page.goto("/admin/properties");
  await page.getByRole("link", { name: `Add a property to ${target.group.toLowerCase()}` }).click();
  await expect(page).toHaveURL(`/admin/properties/new?appliesTo=${target.appliesTo}`);
  await expect(page.getByLabel("Applies to")).toHaveValue(target.appliesTo);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Single choice" });
  await page.getByRole("textbox", { name: "Option 1", exact: true }).fill("A");
  await page.getByRole("textbox", { name: "Option 2", exact: true }).fill("B");
  await page.getByRole("button", { name: "Create property" }).click();
  await expect(page).toHaveURL(/\/admin\/properties\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByText("Property created.")).toBeVisible();
}

test("An Admin creates a site, a Manager on it with a property, and a rule that lets them edit matching documents", async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const siteName = `Grenoble ${stamp}`;
  const labName = `Lab ${stamp}`;
  const managerName = `Gabriel Grenoble ${stamp}`;
  const managerEmail = `gabriel.grenoble.${stamp}@demo.test`;
  const managerPassword = `Grenoble lab passphrase ${stamp}`;
  const ruleName = `Lab A edits Lab A documents ${stamp}`;

  await page.goto("/admin");
  await signInAsDemoUser(page, "admin@demo.test");
  await expect(page).toHaveURL("/admin/users");

  // A new site.
  await page.goto("/admin/sites");
  const newSite = page.getByRole("region", { name: "New site" });
  await newSite.getByLabel("Name", { exact: true }).fill(siteName);
  await newSite.getByRole("button", { name: "Create site" }).click();
  await expect(newSite.getByText(`Site “${siteName}” created.`)).toBeVisible();
  await expect(page.getByRole("region", { name: /Active sites/ }).getByRole("link", { name: siteName, exact: true })).toBeVisible();
  await page.screenshot({ path: `${screenshots}/admin-sites.png`, fullPage: true });

  // A user property and a document property, both "Lab" with options A and B.
  await createLabProperty(page, { appliesTo: "user", group: "Users" }, labName);
  await createLabProperty(page, { appliesTo: "document", group: "Documents" }, labName);

  // The Manager: on the new site, Lab = A, with a password.
  await page.goto("/admin/users/new");
  await page.getByLabel("E-mail", { exact: true }).fill(managerEmail);
  await page.getByLabel("Name", { exact: true }).fill(managerName);
  await page.getByLabel("Role", { exact: true }).selectOption("manager");
  await expect(page.getByLabel("Sign-in method")).toHaveValue("password");
  await page.getByLabel("Initial password").fill(managerPassword);
  await page.getByRole("checkbox", { name: siteName, exact: true }).check();
  await expect(page.getByLabel("Primary site")).toHaveValue(/.+/);
  await page.getByLabel(labName, { exact: true }).selectOption({ label: "A" });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Account created." })).toBeVisible();
  const managerId = /\/admin\/users\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  await page.goto("/admin/users");
  await expect(page.getByRole("link", { name: managerName })).toBeVisible();
  await page.screenshot({ path: `${screenshots}/admin-users.png`, fullPage: true });

  // Documents for the rule to match, made through the API by the Admin and shared with the whole organisation:
  // two with Lab = A, one with Lab = B.
  const admin = page.request;
  const properties = await listAll<PropertyBody>(admin, "/api/v1/properties");
  const userLab = properties.find((property) => property.appliesTo === "user" && property.name === labName)!;
  const documentLab = properties.find((property) => property.appliesTo === "document" && property.name === labName)!;
  expect(userLab.options?.map((option) => option.label)).toEqual(["A", "B"]);
  expect(documentLab.options?.map((option) => option.label)).toEqual(["A", "B"]);
  const option = (property: PropertyBody, label: string) => property.options!.find((entry) => entry.label === label)!.id;
  const manager = await expectJson<{ role: string; siteIds: string[]; properties: Record<string, unknown> }>(
    await admin.get(`/api/v1/users/${managerId}`),
    200,
  );
  expect(manager).toMatchObject({ role: "manager", properties: { [userLab.id]: option(userLab, "A") } });
  expect(manager.siteIds).toHaveLength(1);

  const createDocument = async (title: string, lab: "A" | "B"): Promise<ObjectBody> => {
    const created = await expectJson<ObjectBody>(
      await admin.post("/api/v1/objects", { data: { type: "document", title, properties: { [documentLab.id]: option(documentLab, lab) } } }),
      201,
    );
    return expectJson<ObjectBody>(await admin.put(`/api/v1/objects/${created.id}/scope`, { data: { kind: "organization", version: created.version } }), 200);
  };
  const labA1 = await createDocument(`Lab A test protocol ${stamp}`, "A");
  const labA2 = await createDocument(`Lab A calibration report ${stamp}`, "A");
  const labB = await createDocument(`Lab B test protocol ${stamp}`, "B");

  // The rule, through the editor: users whose Lab is A get Modify on documents whose Lab equals theirs. Only the new
  // Manager has a Lab, so the preview names them, and only the two Lab A documents.
  await page.goto("/admin/access-rules");
  await page.getByRole("link", { name: "New rule", exact: true }).click();
  await expect(page).toHaveURL("/admin/access-rules/new");
  await expect(page.getByRole("heading", { level: 1, name: "New access rule" })).toBeVisible();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(ruleName);
  await page.getByLabel("Level granted").selectOption({ label: "Modify" });
  await expect(page.getByRole("radio", { name: "Users matching these conditions" })).toBeChecked();
  await page.getByRole("button", { name: "Add a user property condition" }).click();
  await page.getByLabel("User property 1", { exact: true }).selectOption({ label: labName });
  await page
    .getByRole("group", { name: `Values of “${labName}” (any of them matches)` })
    .getByRole("checkbox", { name: "A", exact: true })
    .check();
  await page.getByRole("group", { name: "Object types" }).getByRole("checkbox", { name: "Documents", exact: true }).check();
  await page.getByRole("button", { name: "Add a match" }).click();
  await page.getByLabel("User's property (match 1)").selectOption({ label: labName });
  await page.getByLabel("Object's property (match 1)").selectOption({ label: `${labName} (Document)` });

  const createRule = page.getByRole("button", { name: "Create rule" });
  await expect(createRule).toBeDisabled();
  await page.getByRole("button", { name: "Preview impact" }).click();
  const impact = page.getByRole("region", { name: "Impact preview" });
  await expect(impact).toBeVisible();
  // One change only: the Manager (already viewing these organisation-wide documents) now reaches Modify on two.
  await expect(impact.getByRole("heading", { level: 3 })).toHaveText(["Who gains access"]);
  const gained = impact.getByRole("listitem").filter({ hasText: "1 user gains Modify on 2 objects." });
  await expect(gained).toHaveCount(1);
  await expect(gained.getByRole("list", { name: "Users" }).getByRole("listitem")).toHaveText([managerName]);
  await expect(gained.getByRole("list", { name: "Objects" }).getByRole("listitem")).toHaveText([
    `${labA1.reference} ${labA1.title}`,
    `${labA2.reference} ${labA2.title}`,
  ].sort());
  await expect(impact).not.toContainText(labB.reference);
  await expect(createRule).toBeEnabled();
  await impact.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${screenshots}/admin-rule-editor.png`, fullPage: true });

  // Changing the draft takes the preview (and saving) away until it is previewed again.
  await page.getByLabel("Level granted").selectOption({ label: "Full access" });
  await expect(impact).toHaveCount(0);
  await expect(createRule).toBeDisabled();
  await page.getByLabel("Level granted").selectOption({ label: "Modify" });
  await page.getByRole("button", { name: "Preview impact" }).click();
  await expect(impact.getByText("1 user gains Modify on 2 objects.")).toBeVisible();
  await createRule.click();
  await expect(page).toHaveURL(/\/admin\/access-rules\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Rule created." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: ruleName })).toBeVisible();
  const ruleId = /\/admin\/access-rules\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const rule = await expectJson<{ name: string; level: string; enabled: boolean; users: unknown; objects: unknown; match: unknown }>(
    await admin.get(`/api/v1/access-rules/${ruleId}`),
    200,
  );
  expect(rule).toMatchObject({
    name: ruleName,
    level: "modify",
    enabled: true,
    users: { all: false, roles: [], siteIds: [], teamIds: [], userIds: [], properties: [{ propertyId: userLab.id, in: [option(userLab, "A")] }] },
    objects: { types: ["document"], properties: [] },
    match: [{ userPropertyId: userLab.id, objectPropertyId: documentLab.id }],
  });
  await page.goto("/admin/access-rules");
  await expect(page.getByRole("link", { name: ruleName, exact: true })).toBeVisible();

  // The new Manager signs in and edits a Lab A document; a Lab B one they may only view.
  const gabriel = await signInSession(browser, baseURL!, managerEmail, managerPassword);
  try {
    await expect(userMenuButton(gabriel.page)).toContainText(managerName);
    const seen = await expectJson<ObjectBody>(await gabriel.request.get(`/api/v1/objects/${labA1.id}`), 200);
    expect(seen.access).toMatchObject({ level: "modify", actions: expect.arrayContaining(["edit"]) });
    const edited = await expectJson<ObjectBody>(
      await gabriel.request.patch(`/api/v1/objects/${labA1.id}`, { data: { version: seen.version, title: `Lab A test protocol, edited in Grenoble ${stamp}` } }),
      200,
    );
    expect(edited).toMatchObject({ title: `Lab A test protocol, edited in Grenoble ${stamp}`, version: seen.version + 1 });
    expect((await expectJson<ObjectBody>(await gabriel.request.get(`/api/v1/objects/${labA2.id}`), 200)).access?.level).toBe("modify");

    const other = await expectJson<ObjectBody>(await gabriel.request.get(`/api/v1/objects/${labB.id}`), 200);
    expect(other.access?.level).toBe("view");
    const refused = await expectJson<{ error: { code: string } }>(
      await gabriel.request.patch(`/api/v1/objects/${labB.id}`, { data: { version: other.version, title: `Edited in Grenoble ${stamp}` } }),
      403,
    );
    expect(refused.error.code).toBe("forbidden");

    // The Admin disables the rule, after a preview of what the Manager loses; the Manager is back to viewing.
    await page.goto(`/admin/access-rules/${ruleId}`);
    const state = page.getByRole("region", { name: "Enable, disable, delete" });
    await state.getByRole("button", { name: "Disable…" }).click();
    const loss = state.getByRole("region", { name: "Impact preview" });
    await expect(loss.getByRole("heading", { level: 3 })).toHaveText(["Who loses access"]);
    const lost = loss.getByRole("listitem").filter({ hasText: "1 user loses Modify on 2 objects." });
    await expect(lost.getByRole("list", { name: "Users" }).getByRole("listitem")).toHaveText([managerName]);
    await state.getByRole("button", { name: "Confirm: disable" }).click();
    await expect(page).toHaveURL(`/admin/access-rules/${ruleId}?disabled=1`);
    await expect(page.getByRole("status").filter({ hasText: "Rule disabled" })).toBeVisible();
    expect((await expectJson<{ enabled: boolean }>(await admin.get(`/api/v1/access-rules/${ruleId}`), 200)).enabled).toBe(false);
    const afterDisable = await expectJson<ObjectBody>(await gabriel.request.get(`/api/v1/objects/${labA1.id}`), 200);
    expect(afterDisable.access?.level).toBe("view");
    await expectJson(
      await gabriel.request.patch(`/api/v1/objects/${labA1.id}`, { data: { version: afterDisable.version, title: `Edited after the rule was disabled ${stamp}` } }),
      403,
    );

    // Clean-up, through the same panel: the rule is deleted (after its preview: a disabled rule changes nothing).
    await page.getByRole("region", { name: "Enable, disable, delete" }).getByRole("button", { name: "Delete…" }).click();
    await expect(page.getByRole("region", { name: "Impact preview" })).toContainText("This change does not alter anyone's access.");
    await page.getByRole("button", { name: "Confirm: delete" }).click();
    await expect(page).toHaveURL("/admin/access-rules?deleted=1");
    await expect(page.getByRole("link", { name: ruleName, exact: true })).toHaveCount(0);
    await expectJson(await admin.get(`/api/v1/access-rules/${ruleId}`), 404);
  } finally {
    await gabriel.close();
  }
});
