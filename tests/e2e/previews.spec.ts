import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page, type Response } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { expectJson, listAll, signInSession, type Session } from "./support/api-session";
import { expectNoAxeViolations } from "./support/axe";
import { userMenuButton } from "./support/user-menu";

// Previews, downloads and watermarks (#16): a user whose best rule is "view without download" sees server-rendered
// pages and nothing else of the file; a download carries the forensic mark of its access-log entry.

interface RuleBody {
  id: string;
  name: string;
  level: string;
  version: number;
}

async function drawingPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let sheet = 1; sheet <= 3; sheet += 1) document.addPage([842, 595]).drawText(`Pump housing, sheet ${sheet} of 3`, { x: 60, y: 520, size: 28, font });
  return Buffer.from(await document.save());
}

async function pdfText(bytes: Buffer): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, standardFontDataUrl: `${path.resolve("node_modules/pdfjs-dist/standard_fonts")}/` }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    pages.push((await (await pdf.getPage(number)).getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await pdf.destroy();
  return pages.join("\n");
}

async function chooseLanguage(page: Page, name: "English" | "Français", locale: "en" | "fr"): Promise<void> {
  await userMenuButton(page).click();
  await page.getByRole("button", { name }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/** Screenshots at 1440 and 375 px in English and French, axe on each; the page is left in English. */
async function lookAt(page: Page, url: string, name: string, ready: (page: Page) => Promise<void>): Promise<void> {
  for (const [language, locale] of [["English", "en"], ["Français", "fr"]] as const) {
    await page.goto(url);
    await chooseLanguage(page, language, locale);
    for (const width of [1440, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      await ready(page);
      await expectNoAxeViolations(page, `${name} at ${width} px (${locale})`);
      await page.screenshot({ path: `test-results/screenshots/${locale}/${name}-${width}.png`, fullPage: true });
    }
  }
  await chooseLanguage(page, "English", "en");
}

test("view without download: server-rendered pages only, no download in the page or the API; downloads carry the forensic mark", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const admin = await signInSession(browser, baseURL!, "admin@demo.test");
  let viewer: Session | null = null;
  // The demo gives everyone View: for this spec only, everyone's floor is View without download (restored below).
  const everyone = (await listAll<RuleBody>(admin.request, "/api/v1/access-rules")).find((rule) => rule.name === "Everyone — View — all objects")!;
  const lowered = await expectJson<RuleBody>(await admin.request.patch(`/api/v1/access-rules/${everyone.id}`, { data: { level: "view_no_download", version: everyone.version } }), 200);
  try {
    const document = await expectJson<{ id: string }>(await admin.request.post("/api/v1/objects", { data: { type: "document", title: "Pump housing drawing (previews)" } }), 201);
    const uploaded = await admin.request.post(`/api/v1/objects/${document.id}/revisions/A/files`, {
      multipart: { file: { name: "pump-housing.pdf", mimeType: "application/pdf", buffer: await drawingPdf() } },
    });
    const revision = await expectJson<{ files: { id: string; fileName: string }[] }>(uploaded, 201);
    const fileId = revision.files.find((file) => file.fileName === "pump-housing.pdf")!.id;

    viewer = await signInSession(browser, baseURL!, "viewer@demo.test");
    const { page } = viewer;
    const carriedPdf: string[] = [];
    const inspected: Promise<void>[] = [];
    page.on("response", (response: Response) => {
      inspected.push(
        (async () => {
          const type = response.headers()["content-type"] ?? "";
          const body = await response.body().catch(() => Buffer.alloc(0));
          if (type.includes("pdf") || body.subarray(0, 5).toString("latin1") === "%PDF-") carriedPdf.push(response.url());
        })(),
      );
    });

    await page.goto(`/documents/${document.id}`);
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview.getByRole("img", { name: "Page 1 of 3 of pump-housing.pdf, with its watermarks" })).toBeVisible();
    await expect(preview.getByText("Your access lets you view this document in the app, not download it.")).toBeVisible();
    await preview.getByRole("button", { name: "Next page" }).click();
    await expect(preview.getByRole("img", { name: "Page 2 of 3 of pump-housing.pdf, with its watermarks" })).toBeVisible();
    await expect(preview.getByText("Page 2 of 3", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: /download/i })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /download/i })).toHaveCount(0);

    const refused = await viewer.request.get(`/api/v1/files/${fileId}/download`);
    expect(refused.status()).toBe(403);
    const image = await viewer.request.get(`/api/v1/files/${fileId}/preview?page=3`);
    expect(image.headers()["content-type"]).toBe("image/png");

    await lookAt(page, `/documents/${document.id}`, "document-preview", async (shown) => {
      await expect(shown.getByRole("region", { name: /^(Preview|Aperçu)$/ }).getByRole("img")).toBeVisible();
      await expect.poll(() => shown.getByRole("region", { name: /^(Preview|Aperçu)$/ }).getByRole("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    });
    await Promise.all(inspected);
    expect(carriedPdf, "responses of the viewer's pages that carried the PDF").toEqual([]);

    // The Admin may download: the PDF names them, their sites, the time and the access-log entry, as text.
    const adminPage = admin.page;
    await adminPage.goto(`/documents/${document.id}`);
    const downloadLink = adminPage.getByRole("link", { name: "Download pump-housing.pdf" });
    await expect(downloadLink).toBeVisible();
    const [download] = await Promise.all([adminPage.waitForEvent("download"), downloadLink.click()]);
    const stamped = await pdfText(await readFile(await download.path()));
    expect(stamped).toContain("Pump housing, sheet 3 of 3");
    expect(stamped).toMatch(/Downloaded by [^<]+ <admin@demo\.test> · [^·]+ · \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC · access log #\d+/);
    const viaApi = await admin.request.get(`/api/v1/files/${fileId}/download`);
    expect(await pdfText(await viaApi.body())).toContain(`access log #${viaApi.headers()["x-access-log-id"]}`);

    await lookAt(adminPage, "/admin/watermarks", "admin-watermarks", async (shown) => {
      await expect(shown.getByRole("heading", { level: 1 })).toHaveText(/^(Watermarks|Filigranes)$/);
    });
  } finally {
    await expectJson(await admin.request.patch(`/api/v1/access-rules/${everyone.id}`, { data: { level: "view", version: lowered.version } }), 200);
    await viewer?.close();
    await admin.close();
  }
});

test("the shop-floor kiosk downloads a drawing (its PDF stamped with the kiosk account) and comments on it", async ({ browser, baseURL }) => {
  const kiosk = await signInSession(browser, baseURL!, "kiosk@demo.test");
  try {
    type Revision = { status: string; files: { id: string; fileName: string }[] };
    const { items: documents } = await expectJson<{ items: { id: string; reference: string }[] }>(await kiosk.request.get("/api/v1/objects?type=document&limit=50"), 200);
    let drawing: { id: string; fileName: string } | null = null;
    for (const document of documents) {
      const { items } = await expectJson<{ items: Revision[] }>(await kiosk.request.get(`/api/v1/objects/${document.id}/revisions`), 200);
      // Newest first: the preview panel offers the newest revision's files.
      const file = items[0]?.files[0];
      if (file) {
        drawing = { id: document.id, fileName: file.fileName };
        break;
      }
    }
    expect(drawing, "a Toulouse document with a file, as the kiosk sees it").not.toBeNull();
    const { page } = kiosk;
    await page.goto(`/documents/${drawing!.id}`);
    const downloadLink = page.getByRole("link", { name: `Download ${drawing!.fileName}` });
    const [download] = await Promise.all([page.waitForEvent("download"), downloadLink.click()]);
    expect(await pdfText(await readFile(await download.path()))).toMatch(/Downloaded by [^<]+ <kiosk@demo\.test> · /);

    const comment = `Printed for the line at ${new Date().toISOString()}`;
    await page.getByLabel("Add a comment").fill(comment);
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText(comment)).toBeVisible();
  } finally {
    await kiosk.close();
  }
});
