import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { pageFor } from "./fixtures";

test.describe("data subject requests", () => {
  test("a manager records an access request, downloads the export, completes it; then an erasure", async ({ browser }) => {
    const page = await pageFor(browser, "manager");
    await page.goto("/insights");
    await page.getByRole("link", { name: "Betroffenenanfragen" }).click();
    await expect(page.getByRole("heading", { name: "Anfragen Betroffener" })).toBeVisible();
    await expectNoA11yViolations(page);

    // A name that cannot be a handle is refused and nothing is recorded.
    await page.getByLabel("Name auf der Plattform").fill('"x"');
    await page.getByRole("button", { name: "Anfrage anlegen" }).click();
    await expect(page.getByText("Bitte einen Namen mit 2 bis 200 Zeichen")).toBeVisible();

    // The demo company's insights come from authors such as these; whoever it is, the flow is the same.
    await page.getByLabel("Plattform", { exact: true }).selectOption("instagram");
    await page.getByLabel("Name auf der Plattform").fill("@e2e_subject_access");
    await page.getByLabel("Eingang und Aktenzeichen").fill("Brief, Az. DS-1");
    await page.getByRole("button", { name: "Anfrage anlegen" }).click();
    await expect(page).toHaveURL(/\/insights\/subject-requests\/\d+$/);
    await expect(page.getByRole("heading", { level: 2 })).toContainText("Auskunft: Instagram · e2e_subject_access");
    await expectNoA11yViolations(page);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Als JSON herunterladen" }).click();
    const file = await download;
    const body = JSON.parse(fs.readFileSync((await file.path())!, "utf8"));
    expect(body.request).toMatchObject({ platform: "instagram", handle: "e2e_subject_access" });
    expect(body.insights).toEqual([]);

    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Auskunft erteilt – abschließen" }).click();
    await expect(page.getByText(/Auskunft erteilt am/)).toBeVisible();
    await expect(page.getByRole("heading", { level: 2 })).toContainText("e***s");

    await page.goto("/insights/subject-requests");
    await page.getByLabel("Art", { exact: true }).selectOption("erasure");
    await page.getByLabel("Name auf der Plattform").fill("e2e_subject_erasure");
    await page.getByRole("button", { name: "Anfrage anlegen" }).click();
    page.once("dialog", (d) => d.dismiss());
    await page.getByRole("button", { name: "Jetzt löschen" }).click();
    await expect(page.getByText(/Gelöscht am/)).toHaveCount(0);
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Jetzt löschen" }).click();
    await expect(page.getByText(/Gelöscht am/)).toBeVisible();
    await page.context().close();

    const phone = await pageFor(browser, "manager", PHONE);
    await phone.goto("/insights/subject-requests");
    expect(await phone.getByRole("row").count()).toBeGreaterThanOrEqual(3);
    await expectNoHorizontalOverflow(phone);
    await phone.context().close();
  });

  test("department heads and admins may not see them", async ({ browser }) => {
    for (const role of ["service", "admin"] as const) {
      const page = await pageFor(browser, role);
      expect((await page.goto("/insights/subject-requests"))?.status()).toBe(403);
      const api = await page.request.get("/api/privacy/subject-requests/1/export?format=json");
      expect(api.status()).toBe(403);
      await page.context().close();
    }
  });
});
