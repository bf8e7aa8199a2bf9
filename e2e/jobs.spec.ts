import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { storageFor } from "./fixtures";
import { actionIdFor, callAction } from "./pages/server-action";

// The demo company's job history holds one crisis check that failed after its retries.
const DEMO_ERROR = "Connection terminated due to connection timeout";

test.describe("Background jobs are for admins only", () => {
  test.use({ storageState: storageFor("manager") });

  test("the manager gets 403 on the page and on the retry action", async ({ page, browser }) => {
    const res = await page.goto("/admin/jobs");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("link", { name: "Hintergrundjobs" })).toHaveCount(0);

    // The retry action's id and the demo's failed job, as an admin's page carries them (this runs
    // before the admin's retry below).
    const admin = await browser.newContext({ storageState: storageFor("admin") });
    const html = await (await admin.request.get("/admin/jobs")).text();
    const actionId = actionIdFor(html, "queue");
    const jobId = html.match(/name="id" value="([0-9a-f-]{36})"/)![1];
    const refused = await callAction(page.request, "/admin/jobs", actionId, { queue: "crisis.evaluate", id: jobId });
    expect(refused.status()).toBe(403);
    // Refused by the action itself, not only by the page around it: the job is still failed.
    const after = await (await admin.request.get("/admin/jobs")).text();
    expect(after).toContain(`value="${jobId}"`);
    await admin.close();
  });
});

test.describe("Admin → Background jobs", () => {
  test.use({ storageState: storageFor("admin") });

  test("shows queues, schedules and failures, passes axe and fits a phone", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: "Hintergrundjobs" }).click();
    await expect(page).toHaveURL(/\/admin\/jobs$/);
    await expect(page.getByRole("heading", { name: "Warteschlangen" })).toBeVisible();
    await expect(page.getByTestId("job-queue").filter({ hasText: "Krisen-Frühwarnung prüfen" })).toBeVisible();
    await expect(page.getByTestId("job-queue").filter({ hasText: "SLA-Fristen prüfen" })).toBeVisible();
    const crisis = page.getByTestId("job-schedule").filter({ hasText: "Krisen-Frühwarnung prüfen" });
    await expect(crisis).toContainText("alle 5 Minuten");
    await expect(crisis).toContainText("*/5 * * * *");
    await expect(page.getByTestId("failed-job").filter({ hasText: DEMO_ERROR })).toBeVisible();
    await expectNoA11yViolations(page);

    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(page.getByTestId("failed-job").first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectNoA11yViolations(page, "/admin/jobs (phone)");
  });

  test("an admin retries a failed job: confirmed, gone from the failures, in the audit log", async ({ page }) => {
    await page.goto("/admin/jobs");
    const failed = page.getByTestId("failed-job").filter({ hasText: DEMO_ERROR });
    await expect(failed).toHaveCount(1);
    await failed.getByRole("button", { name: "Erneut versuchen" }).click();
    await expect(failed.getByText("noch einmal in die Warteschlange stellen")).toBeVisible();
    await failed.getByRole("button", { name: "Ja, erneut versuchen" }).click();
    await expect(page.getByRole("status").getByText("Der Job wurde erneut in die Warteschlange gestellt.")).toBeVisible();
    await expect(page.getByTestId("failed-job").filter({ hasText: DEMO_ERROR })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Letzte Fehlschläge" })).toBeFocused();

    // The retried check runs on the server's worker and completes.
    await expect(async () => {
      await page.reload();
      const row = page.getByTestId("job-queue").filter({ hasText: "Krisen-Frühwarnung prüfen" });
      await expect(row.getByRole("cell").nth(5)).toHaveText("0"); // failed
      await expect(row.getByRole("cell").nth(4)).not.toHaveText("0"); // completed
    }).toPass({ timeout: 30_000 });

    await page.goto("/admin/audit?entity=job");
    await expect(page.getByRole("cell", { name: "job.retry" }).first()).toBeVisible();
  });
});
