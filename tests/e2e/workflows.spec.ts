import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectJson, signInSession } from "./support/api-session";
import { userMenuButton } from "./support/user-menu";

// A change order as people run it, in Debian Chromium against the demo: a Manager launches an ECO on a document's
// draft revision with a signature task for the Lyon viewer, the kiosk cannot be given a task, the viewer is told and
// signs, and the revision is validated. Screenshots of the workflow page in both languages at both widths.

const run = Date.now().toString(36);

interface WorkflowBody {
  id: string;
  status: string;
  version: number;
  tasks: { id: string; status: string; revision: { status: string } | null; signatures: { decision: string; comment: string | null }[] }[];
}

async function chooseLanguage(page: Page, name: string, locale: string) {
  await userMenuButton(page).click();
  await page.getByRole("button", { name }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

test("a Manager starts an ECO with a signature task for the viewer, who is notified and signs; the kiosk cannot be picked", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const manager = await signInSession(browser, baseURL!, "manager@demo.test");
  const viewer = await signInSession(browser, baseURL!, "viewer@demo.test");
  try {
    const { page } = manager;
    // A document the whole organisation sees, with its draft revision A.
    const document = await expectJson<{ id: string; reference: string; title: string }>(
      await manager.request.post("/api/v1/objects", { data: { type: "document", title: `E2E drawing ${run}`, scope: { kind: "organization" } } }),
      201,
    );

    await page.goto("/workflows/new");
    await page.getByLabel("Title", { exact: true }).fill(`E2E ECO ${run}`);
    await page.getByLabel("Kind", { exact: true }).selectOption("ECO");
    await page.getByRole("checkbox", { name: `${document.reference} ${document.title}` }).check();
    const firstTask = page.getByRole("group", { name: "Task 1" });
    await firstTask.getByLabel("Task", { exact: true }).fill("Approve revision A");
    await firstTask.getByLabel("Type").selectOption("signature");
    const assignee = firstTask.getByLabel("Assign to");
    // Shared-computer accounts are never offered.
    await expect(assignee.locator("option", { hasText: "kiosk" })).toHaveCount(0);
    await assignee.selectOption({ label: "Valérie Viewer" });
    await firstTask.getByLabel("Revision to sign").selectOption({ label: `${document.reference}, revision A (draft)` });
    await page.getByRole("button", { name: "Create the workflow" }).click();
    await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
    const workflowId = page.url().split("/").pop()!;
    await page.getByRole("button", { name: "Start the workflow" }).click();
    await expect(page.getByTestId("workflow-status")).toHaveText("In progress");

    // The running workflow's page, with its controls, in both languages, at both widths; axe finds nothing.
    for (const [name, locale] of [
      ["English", "en"],
      ["Français", "fr"],
    ] as const) {
      await page.goto(`/workflows/${workflowId}`);
      await chooseLanguage(page, name, locale);
      for (const width of [1440, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`/workflows/${workflowId}`);
        await expectNoAxeViolations(page, `workflow page at ${width} px (${locale})`);
        await page.screenshot({ path: `test-results/screenshots/${locale}/workflow-${width}.png`, fullPage: true });
      }
    }
    await chooseLanguage(page, "English", "en");

    // The API refuses the kiosk as an assignee (422 naming the field).
    const kioskSession = await signInSession(browser, baseURL!, "kiosk@demo.test");
    const kiosk = (await expectJson<{ id: string }>(await kioskSession.request.get("/api/v1/me"), 200)).id;
    await kioskSession.close();
    const refused = await expectJson<{ error: { fields: Record<string, string> } }>(
      await manager.request.post(`/api/v1/workflows/${workflowId}/tasks`, { data: { title: "Check the print", assigneeId: kiosk } }),
      422,
    );
    expect(refused.error.fields.assigneeId).toMatch(/Shared-computer/);

    // The viewer is told, then signs from the document's page.
    const told = await expectJson<{ items: { kind: string; target: { id: string } | null }[] }>(await viewer.request.get("/api/v1/notifications?unread=true"), 200);
    expect(told.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "task_assigned", target: expect.objectContaining({ id: workflowId }) })]));
    await viewer.page.goto(`/documents/${document.id}`);
    // The bell counts the task assignment and the start among the viewer's unread notifications.
    await expect(viewer.page.getByRole("button", { name: /^Notifications, \d+ unread$/ })).toBeVisible();
    const form = viewer.page.getByRole("form", { name: /Your signature is requested/ });
    await expect(form).toBeVisible();
    await expectNoAxeViolations(viewer.page, "document page with a signature request (viewer)");
    await form.getByRole("radio", { name: "Approve" }).check();
    await form.getByLabel("Comment").fill("Dimensions checked.");
    await form.getByRole("button", { name: "Sign" }).click();
    // Signed: the request leaves the page, the workflow is completed and the feed tells the approval.
    await expect(form).toHaveCount(0);
    await expect(viewer.page.getByText("ECO · Completed")).toBeVisible();
    await expect(viewer.page.getByText(/approved/).first()).toBeVisible();

    const signed = await expectJson<WorkflowBody>(await manager.request.get(`/api/v1/workflows/${workflowId}`), 200);
    expect(signed.status).toBe("completed");
    expect(signed.tasks[0]).toMatchObject({ status: "done", revision: { status: "validated" }, signatures: [{ decision: "approved", comment: "Dimensions checked." }] });
  } finally {
    await manager.close();
    await viewer.close();
  }
});
