import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectJson, listAll, signInSession } from "./support/api-session";
import { userMenuButton } from "./support/user-menu";

// The workspace as its users work in it, in Debian Chromium against the demo: a Manager creates, links and shares;
// a user of the other site finds what was shared; the kiosk reads and comments only; an edit a rule reads warns
// before saving; the trash takes an object out of everything and gives it back.

const run = Date.now().toString(36);

interface ObjectBody {
  id: string;
  reference: string;
  title: string;
  version: number;
  properties: Record<string, unknown>;
}

async function createThroughForm(page: Page, list: string, title: string, submit: string): Promise<string> {
  await page.goto(`${list}/new`);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: submit }).click();
  await expect(page).toHaveURL(new RegExp(`${list}/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return page.url().split("/").pop()!;
}

test("a Manager creates a part and a product, links them and shares the product with Lyon; a Lyon viewer finds it", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const manager = await signInSession(browser, baseURL!, "manager@demo.test");
  const viewer = await signInSession(browser, baseURL!, "viewer@demo.test");
  try {
    const { page } = manager;
    const partTitle = `E2E bracket ${run}`;
    const productTitle = `E2E pump ${run}`;
    const partId = await createThroughForm(page, "/parts", partTitle, "Create the part");
    const part = await expectJson<ObjectBody>(await page.request.get(`/api/v1/objects/${partId}`), 200);
    const productId = await createThroughForm(page, "/products", productTitle, "Create the product");

    // The product's parts, with a quantity, from the product's page.
    await page.getByLabel("Object to link").fill(part.reference);
    await page.getByLabel("Kind of link").selectOption({ label: "Part of this product" });
    await page.getByLabel("Quantity", { exact: true }).fill("4");
    await page.getByRole("button", { name: "Add the link" }).click();
    await expect(page.getByRole("link", { name: new RegExp(partTitle) })).toBeVisible();
    await expect(page.getByLabel(`Quantity of ${part.reference}`)).toHaveValue("4");

    // Before sharing, the Lyon viewer does not find it.
    await viewer.page.goto(`/search?q=${encodeURIComponent(productTitle)}`);
    await expect(viewer.page.getByText(/Nothing matches/)).toBeVisible();
    expect((await viewer.page.request.get(`/api/v1/objects/${productId}`)).status()).toBe(404);

    // Share it with Lyon as well, from the Share tab.
    await page.goto(`/products/${productId}/share`);
    await page.getByRole("radio", { name: "The members of some sites" }).check();
    await page.getByRole("checkbox", { name: /^Lyon/ }).check();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const confirm = page.getByRole("button", { name: "Save anyway" });
    await expect(confirm).toBeVisible();
    await confirm.click();
    await expect(page.getByText(/Shared with the members of .*Lyon/)).toBeVisible();

    // The viewer of Lyon now finds it through the header search and opens it; the part, still Toulouse's, stays out.
    await viewer.page.goto("/");
    await viewer.page.getByRole("searchbox", { name: "Search every object" }).fill(productTitle);
    await viewer.page.keyboard.press("Enter");
    await expect(viewer.page).toHaveURL(/\/search\?q=/);
    await viewer.page.getByRole("link", { name: productTitle }).click();
    await expect(viewer.page.getByRole("heading", { level: 1 })).toHaveText(productTitle);
    await expect(viewer.page.getByText("No linked object you can see.")).toBeVisible();
  } finally {
    await manager.close();
    await viewer.close();
  }
});

test("the kiosk opens an object and comments, and sees no control to edit, share or delete it", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const kiosk = await signInSession(browser, baseURL!, "kiosk@demo.test");
  try {
    const { page } = kiosk;
    const [document] = await listAll<ObjectBody>(page.request, "/api/v1/objects?type=document");
    await page.goto(`/documents/${document!.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(document!.title);
    const comment = `Checked on the shop floor ${run}`;
    await page.getByLabel("Add a comment").fill(comment);
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText(comment)).toBeVisible();

    await expect(page.getByRole("heading", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Move to trash…" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Share" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Add a link" })).toHaveCount(0);
    await expect(page.getByText("Edit details")).toHaveCount(0);
    await page.goto(`/documents/${document!.id}/share`);
    await expect(page.getByText("Change who can see it")).toHaveCount(0);
    await expect(page.getByLabel("Find a user")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Your access" })).toBeVisible();
    // The server refuses what the page does not offer.
    const refused = await page.request.patch(`/api/v1/objects/${document!.id}`, { data: { version: document!.version, title: "Renamed by the kiosk" } });
    expect(refused.status()).toBe(403);
  } finally {
    await kiosk.close();
  }
});

test("changing a property an access rule reads warns, before saving, how many users lose which level", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const admin = await signInSession(browser, baseURL!, "admin@demo.test");
  const manager = await signInSession(browser, baseURL!, "manager@demo.test");
  try {
    // "Toulouse edits Toulouse documents" reads the documents' and the users' Site tag.
    const properties = await listAll<{ id: string; name: string; appliesTo: string; options?: { id: string; label: string }[] }>(admin.request, "/api/v1/properties");
    const documentTag = properties.find((property) => property.appliesTo === "document" && property.name === "Site tag")!;
    const userTag = properties.find((property) => property.appliesTo === "user" && property.name === "Site tag")!;
    const option = (property: typeof documentTag, label: string) => property.options!.find((entry) => entry.label === label)!.id;
    const users = await listAll<{ role: string; active: boolean; properties: Record<string, unknown> }>(admin.request, "/api/v1/users");
    // Organisation-wide, so every user is in scope: those tagged Toulouse who are not Admins (Full by their own rule)
    // go from Modify to View.
    const losing = users.filter((user) => user.active && user.role !== "admin" && user.properties[userTag.id] === option(userTag, "Toulouse")).length;
    expect(losing).toBeGreaterThan(0);

    const title = `E2E Toulouse procedure ${run}`;
    const created = await expectJson<ObjectBody>(
      await manager.request.post("/api/v1/objects", {
        data: { type: "document", title, scope: { kind: "organization" }, properties: { [documentTag.id]: option(documentTag, "Toulouse") } },
      }),
      201,
    );
    const { page } = manager;
    await page.goto(`/documents/${created.id}`);
    const edit = page.getByRole("region", { name: "Edit" });
    await edit.getByLabel("Site tag").selectOption({ label: "Lyon" });
    await edit.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("This change alters who can access this object.")).toBeVisible();
    await expect(page.getByText(`${losing} users lose Modify.`)).toBeVisible();
    // Nothing was saved yet.
    const before = await expectJson<ObjectBody>(await page.request.get(`/api/v1/objects/${created.id}`), 200);
    expect(before.properties[documentTag.id]).toBe(option(documentTag, "Toulouse"));
    await page.getByRole("button", { name: "Save anyway" }).click();
    // The manager was one of those who lost Modify: the page now shows View and no edit form.
    await expect(page.getByRole("definition").filter({ hasText: /^View$/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "Edit" })).toHaveCount(0);
    const after = await expectJson<ObjectBody>(await admin.request.get(`/api/v1/objects/${created.id}`), 200);
    expect(after.properties[documentTag.id]).toBe(option(documentTag, "Lyon"));
    await admin.request.delete(`/api/v1/objects/${created.id}`);
  } finally {
    await admin.close();
    await manager.close();
  }
});

test("a deleted object leaves every list, search and count, and comes back from the trash", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  // Deleting needs Full access: in the demo, Admins have it on everything (Managers get Modify).
  const admin = await signInSession(browser, baseURL!, "admin@demo.test");
  try {
    const { page } = admin;
    const title = `E2E trashed part ${run}`;
    const id = await createThroughForm(page, "/parts", title, "Create the part");
    const { reference } = await expectJson<ObjectBody>(await page.request.get(`/api/v1/objects/${id}`), 200);
    const count = async () => (await expectJson<{ count: number }>(await page.request.get(`/api/v1/objects/count?q=${encodeURIComponent(title)}`), 200)).count;
    expect(await count()).toBe(1);

    await page.getByRole("button", { name: "Move to trash…" }).click();
    await page.getByRole("button", { name: "Move to trash", exact: true }).click();
    await expect(page).toHaveURL(/\/parts\?trashed=1$/);
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);
    await page.goto(`/parts?q=${encodeURIComponent(title)}`);
    await expect(page.getByText("Nothing matches. Change the filters, or clear them.")).toBeVisible();
    await page.goto(`/search?q=${encodeURIComponent(title)}`);
    await expect(page.getByText(/Nothing matches/)).toBeVisible();
    expect(await count()).toBe(0);
    expect((await page.goto(`/parts/${id}`))?.status()).toBe(404);

    await page.goto("/trash");
    await page.getByRole("button", { name: `Restore ${reference}` }).click();
    await expect(page.getByText(/is restored\./)).toBeVisible();
    await page.goto(`/parts?q=${encodeURIComponent(title)}`);
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    expect(await count()).toBe(1);
  } finally {
    await admin.close();
  }
});

/** The elements that stick out of the page on the right, outside any box of their own that scrolls or clips. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    return [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5 && !clipped(element))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} “${(element.textContent ?? "").trim().slice(0, 60)}”`);
  });
}

for (const language of [
  { locale: "en", acceptLanguage: "en-GB,en;q=0.9", name: "English" },
  { locale: "fr", acceptLanguage: "fr-FR,fr;q=0.9", name: "Français" },
]) {
  test(`the workspace pages in ${language.locale}: screenshots, axe finds nothing`, async ({ browser, baseURL }) => {
    test.setTimeout(240_000);
    const session = await signInSession(browser, baseURL!, "manager@demo.test", undefined, {
      extraHTTPHeaders: { "Accept-Language": language.acceptLanguage },
      locale: language.acceptLanguage.split(",")[0],
    });
    try {
      const { page } = session;
      // The manager's own language choice (another spec sets it) wins over the browser's: choose it here.
      await page.goto("/");
      await userMenuButton(page).click();
      await page.getByRole("button", { name: language.name }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", language.locale);
      const [product] = await listAll<ObjectBody>(page.request, "/api/v1/objects?type=product");
      const pages: [string, string][] = [
        ["workspace-home", "/"],
        ["workspace-list", "/products"],
        ["workspace-detail", `/products/${product!.id}`],
        ["workspace-share", `/products/${product!.id}/share`],
      ];
      for (const width of [1440, 375]) {
        await page.setViewportSize({ width, height: 900 });
        for (const [name, path] of pages) {
          expect((await page.goto(path))?.status(), path).toBe(200);
          await expect(page.locator("html")).toHaveAttribute("lang", language.locale);
          await expectNoAxeViolations(page, `${path} at ${width} px (${language.locale})`);
          expect.soft(await sidewaysOverflow(page), `${path} scrolls sideways at ${width} px`).toEqual([]);
          await page.screenshot({ path: `test-results/screenshots/${language.locale}/${name}-${width}.png`, fullPage: true });
        }
      }
      await userMenuButton(page).click();
      await page.getByRole("button", { name: "English" }).click();
    } finally {
      await session.close();
    }
  });
}
