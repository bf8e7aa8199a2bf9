import { expect, type Page, test } from "@playwright/test";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { pageFor } from "./fixtures";

const SEEDED = "Social-Media-Leitlinie der Brenner Antriebstechnik GmbH";

/** Ticks or clears the works-council box on Admin → Datenschutz and saves; waits for the confirmation. */
async function setMode(page: Page, on: boolean) {
  await page.goto("/admin/privacy");
  await page.getByLabel(/Betriebsratsmodus einschalten/).setChecked(on);
  await page.getByRole("button", { name: "Modus speichern" }).click();
  await expect(page.locator('[role="status"][data-notice="success"]')).toHaveText(on ? "Betriebsratsmodus ist eingeschaltet." : "Betriebsratsmodus ist ausgeschaltet.");
}

/** Opens the seeded company-wide guideline and returns its coverage table. */
async function coverageOf(page: Page) {
  await page.goto("/guidelines");
  await page.getByRole("link", { name: SEEDED }).first().click();
  await page.waitForURL(/\/guidelines\/\d+$/);
  return page.getByRole("region", { name: "Kenntnisnahmen je Abteilung" });
}

test.describe("Works-council mode", () => {
  test("below the central unit, departments of fewer than five show no numbers; the central unit still sees them", async ({ browser }) => {
    const admin = await pageFor(browser, "admin");
    try {
      await admin.goto("/admin/privacy");
      await expect(admin.getByRole("heading", { name: "Betriebsratsmodus" })).toBeVisible();
      await expectNoA11yViolations(admin);
      await setMode(admin, true);
      await admin.reload();
      await expect(admin.getByLabel(/Betriebsratsmodus einschalten/)).toBeChecked();

      // A department head: every demo department has fewer than five people.
      const head = await pageFor(browser, "hr");
      const headTable = await coverageOf(head);
      await expect(head.getByText("Betriebsratsmodus: Zahlen gibt es nur für Gruppen ab 5 Personen.")).toBeVisible();
      const personal = headTable.getByRole("row", { name: /Personal/ });
      await expect(personal).toContainText("weniger als 5 Personen");
      await expect(personal).not.toContainText(/\d+ von \d+/);
      await expectNoA11yViolations(head);
      await head.context().close();

      // The central unit keeps its per-department numbers (and names).
      const manager = await pageFor(browser, "manager");
      const managerTable = await coverageOf(manager);
      await expect(managerTable.getByRole("row", { name: /Personal/ })).toContainText(/\d+ von \d+/);
      await expect(manager.getByText("weniger als 5 Personen")).toHaveCount(0);
      await manager.context().close();

      // Switched off, the head sees numbers again.
      await setMode(admin, false);
      const again = await pageFor(browser, "hr");
      await expect((await coverageOf(again)).getByRole("row", { name: /Personal/ })).toContainText(/\d+ von \d+/);
      await again.context().close();
    } finally {
      // Other specs expect the mode off.
      await setMode(admin, false);
      await admin.context().close();
    }
  });

  test("every employee can read what is recorded about them, who sees it and how long it stays", async ({ browser }) => {
    const page = await pageFor(browser, "employee");
    await page.goto("/profile");
    await page.getByRole("link", { name: "Was über Sie erfasst wird" }).click();
    await expect(page.getByRole("heading", { name: "Was über Sie erfasst wird" })).toBeVisible();
    const table = page.getByRole("table");
    for (const what of ["Kenntnisnahmen von Richtlinien", "Aktionen an Hinweisen", "Anmeldungen", "Gelesene Benachrichtigungen", "Änderungsprotokoll"]) {
      await expect(table.getByRole("row", { name: new RegExp(what) })).toBeVisible();
    }
    await expect(table.getByRole("row", { name: /Gelesene Benachrichtigungen/ })).toContainText("nur Sie selbst");
    await expect(table.getByRole("row", { name: /Gelesene Benachrichtigungen/ })).toContainText("6 Monate");
    await expect(page.getByTestId("works-council-state")).toContainText("ausgeschaltet");
    await expectNoA11yViolations(page);
    await page.context().close();

    const phone = await pageFor(browser, "employee", PHONE);
    await phone.goto("/profile/recorded");
    await expectNoHorizontalOverflow(phone);
    await phone.context().close();
  });
});

test.describe("Record of processing (Art. 30)", () => {
  test("an admin names the controller and reads and downloads the record generated from the configuration", async ({ browser }) => {
    const page = await pageFor(browser, "admin");
    await page.goto("/admin/privacy");
    await page.getByRole("link", { name: "Verzeichnis öffnen" }).click();
    await page.waitForURL(/\/admin\/privacy\/record$/);
    await expect(page.getByRole("heading", { name: "Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "1. Hinweise aus dem Social Web" })).toBeVisible();
    await expect(page.getByText(/Abteilungen: .*Personal/)).toBeVisible();
    await expectNoA11yViolations(page);

    const name = page.getByLabel("Name des Unternehmens");
    await name.fill("");
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page.locator('[role="alert"][data-notice="error"]')).toBeVisible();
    await page.getByLabel("Name des Unternehmens").fill("Brenner Antriebstechnik GmbH");
    await page.getByLabel("Datenschutzbeauftragte(r) (Name und Kontakt)").fill("Datenschutz Nord, dsb@example.com");
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page.locator('[role="status"][data-notice="success"]')).toHaveText("Verantwortlicher gespeichert.");
    await page.reload();
    await expect(page.getByRole("article").getByText("Brenner Antriebstechnik GmbH", { exact: true })).toBeVisible();

    for (const [locale, heading] of [
      ["de", "# Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)"],
      ["en", "# Record of processing activities (Art. 30 GDPR)"],
    ] as const) {
      const res = await page.request.get(`/api/privacy/record?locale=${locale}`);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toContain("text/markdown");
      expect(res.headers()["content-disposition"]).toMatch(/attachment; filename=".+\.md"/);
      const md = await res.text();
      expect(md.startsWith(heading)).toBe(true);
      expect(md).toContain("Brenner Antriebstechnik GmbH");
      expect(md).toContain("Datenschutz Nord, dsb@example.com");
    }
    await page.context().close();

    const phone = await pageFor(browser, "admin", PHONE);
    await phone.goto("/admin/privacy/record");
    await expectNoHorizontalOverflow(phone);
    await phone.context().close();
  });

  test("is the admins' alone", async ({ browser }) => {
    const page = await pageFor(browser, "manager");
    expect((await page.goto("/admin/privacy/record"))?.status()).toBe(403);
    expect((await page.request.get("/api/privacy/record")).status()).toBe(403);
    await page.context().close();
  });
});
