import { expect, test, type Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { expectNoAxeViolations } from "./support/axe";
import { expectJson, signInSession } from "./support/api-session";
import { userMenuButton } from "./support/user-menu";

// A document's life as a Manager lives it, in Debian Chromium against the demo: create it, upload a drawing (a file
// whose content contradicts its name is refused with a clear message), validate revision A, open revision B — then
// the document page in both languages at 375 and 1440 px, with axe. The demo gives Managers Modify on documents
// (SPEC §9); validating needs Full access, so the spec grants it to the Manager with a rule of its own, removed after.

const run = Date.now().toString(36);

async function drawingPdf(title: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText(title, { x: 72, y: 760, size: 20, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await pdf.save());
}

async function chooseLanguage(page: Page, locale: "en" | "fr") {
  await userMenuButton(page).click();
  await page.getByRole("button", { name: locale === "en" ? "English" : "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

test("a Manager creates a document, uploads a PDF, validates revision A and opens revision B; the page in both languages", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const admin = await signInSession(browser, baseURL!, "admin@demo.test");
  const manager = await signInSession(browser, baseURL!, "manager@demo.test");
  const me = await expectJson<{ id: string }>(await manager.request.get("/api/v1/me"), 200);
  const rule = await expectJson<{ id: string }>(
    await admin.request.post("/api/v1/access-rules", {
      data: {
        name: `E2E ${run} — the Toulouse manager validates documents`,
        level: "full",
        enabled: true,
        users: { all: false, siteIds: [], roles: [], teamIds: [], userIds: [me.id], properties: [] },
        objects: { types: ["document"], properties: [] },
        match: [],
      },
    }),
    201,
  );
  try {
    const { page } = manager;
    const title = `E2E pump housing drawing ${run}`;
    await page.goto("/documents/new");
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByRole("button", { name: "Create the document" }).click();
    await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);
    const documentPath = new URL(page.url()).pathname;
    const revisions = page.getByRole("region", { name: "Revisions" });
    await expect(revisions.getByRole("heading", { name: "Revision A" })).toBeVisible();

    // A PNG named .pdf is refused, with what it is; then the real drawing goes through, with its progress.
    const picker = revisions.getByLabel("Add files to revision A");
    await picker.setInputFiles({ name: "housing.pdf", mimeType: "application/pdf", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) });
    await revisions.getByRole("button", { name: "Upload 1 file" }).click();
    await expect(revisions.getByRole("alert")).toHaveText(/does not match its extension \.pdf: it looks like a PNG image/);
    await picker.setInputFiles({ name: "housing.pdf", mimeType: "application/pdf", buffer: await drawingPdf(title) });
    await revisions.getByRole("button", { name: "Upload 1 file" }).click();
    await expect(revisions.getByRole("status")).toHaveText("1 file added to revision A.");
    await expect(revisions.getByText("housing.pdf", { exact: true })).toBeVisible();

    // Validate A (two steps), then open B: it starts with A's drawing.
    await revisions.getByRole("button", { name: "Validate revision A…" }).click();
    await revisions.getByRole("button", { name: "Validate revision A", exact: true }).click();
    await expect(revisions.getByRole("button", { name: "Open revision B" })).toBeVisible();
    await revisions.getByLabel("What this revision changes (optional)").fill("Thicker flange after the pressure test");
    await revisions.getByRole("button", { name: "Open revision B" }).click();
    await expect(revisions.getByRole("heading", { name: "Revision B" })).toBeVisible();
    const listed = await expectJson<{ items: { label: string; status: string; files: { fileName: string }[] }[] }>(
      await page.request.get(`/api/v1/objects/${documentPath.split("/").pop()}/revisions`),
      200,
    );
    expect(listed.items.map((item) => [item.label, item.status, item.files.map((file) => file.fileName)])).toEqual([
      ["B", "draft", ["housing.pdf"]],
      ["A", "validated", ["housing.pdf"]],
    ]);
    await revisions.getByText("What changed since revision A").click();
    await expect(revisions.getByText("1 file unchanged")).toBeVisible();

    for (const locale of ["en", "fr"] as const) {
      await chooseLanguage(page, locale);
      for (const width of [1440, 375]) {
        await page.setViewportSize({ width, height: 900 });
        expect((await page.goto(documentPath))?.status()).toBe(200);
        await expectNoAxeViolations(page, `${documentPath} at ${width} px (${locale})`);
        await page.screenshot({ path: `test-results/screenshots/${locale}/document-revisions-${width}.png`, fullPage: true });
      }
    }
    await chooseLanguage(page, "en");
  } finally {
    await admin.request.delete(`/api/v1/access-rules/${rule.id}`);
    await admin.close();
    await manager.close();
  }
});
