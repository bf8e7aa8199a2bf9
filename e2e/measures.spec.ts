import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { berlinDay, pageFor } from "./fixtures";

const TITLE = `Karrieremesse-Livestream ${Date.now().toString(36)}`;

test.describe("Measures", () => {
  test("a manager creates a measure for recruiting with costs and sees the cost per application and a verdict", async ({ browser }) => {
    const page = await pageFor(browser, "manager");
    await page.goto("/measures");
    await expect(page.getByRole("heading", { level: 1, name: "Maßnahmen" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Portfolio je Abteilung" })).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByRole("link", { name: "Neue Maßnahme" }).click();
    await page.waitForURL(/\/measures\/new$/);
    await expectNoA11yViolations(page);
    // Bad input: nothing is created, every field says what is wrong.
    await page.getByRole("button", { name: "Maßnahme anlegen" }).click();
    await expect(page.locator('[role="alert"][data-notice="error"]')).toBeVisible();
    await page.getByLabel("Titel").fill(TITLE);
    await page.getByLabel("Geschäftsprozess").selectOption({ label: "Personal: Recruiting" });
    await page.getByLabel("Ziel", { exact: true }).fill("Bewerbungen von Studierenden für Praktika und Abschlussarbeiten");
    await page.getByLabel("Beginn").fill(berlinDay(60));
    await page.getByLabel("Status").selectOption({ label: "läuft" });
    await page.getByLabel("Ergebnis-Kennzahl (zählt die Ergebnisse, z. B. Bewerbungen)").selectOption({ label: "Bewerbungen über soziale Kanäle" });
    await page.getByLabel("Erwarteter Nutzen in €").fill("-100");
    await page.getByRole("button", { name: "Maßnahme anlegen" }).click();
    await expect(page.getByText("Bitte einen Betrag ohne Vorzeichen mit höchstens zwei Nachkommastellen eingeben (z. B. 1.234,56).")).toBeVisible();
    await page.getByLabel("Erwarteter Nutzen in €").fill("5.000");
    await page.getByRole("button", { name: "Maßnahme anlegen" }).click();
    await page.waitForURL(/\/measures\/\d+\?created=1$/);
    await expect(page.getByText("Maßnahme angelegt. Erfassen Sie jetzt die Kosten.")).toBeVisible();
    // No result in money yet: no verdict.
    await expect(page.getByTestId("measure-verdict")).toContainText("offen");

    const costs = page.getByRole("form", { name: "Kostenposten hinzufügen" });
    await costs.getByLabel("Beschreibung").fill("Moderation und Vorbereitung");
    await costs.getByLabel("Stunden", { exact: true }).fill("12,5");
    await costs.getByLabel("Stundensatz in €").fill("80");
    await costs.getByRole("button", { name: "Kostenposten hinzufügen" }).click();
    await expect(costs.locator('[role="status"][data-notice="success"]')).toHaveText("Kostenposten hinzugefügt.");
    await expect(page.getByRole("table", { name: "Kostenposten" })).toContainText("1.000,00 €");
    await costs.getByLabel("Kategorie").selectOption({ label: "Bezahlte Reichweite" });
    await costs.getByLabel("Beschreibung").fill("Gesponserte Beiträge");
    await costs.getByLabel("Betrag in €").fill("12,345");
    await costs.getByRole("button", { name: "Kostenposten hinzufügen" }).click();
    await expect(costs.getByText("Bitte einen Betrag ohne Vorzeichen mit höchstens zwei Nachkommastellen eingeben (z. B. 1.234,56).")).toBeVisible();
    await costs.getByLabel("Betrag in €").fill("500");
    await costs.getByRole("button", { name: "Kostenposten hinzufügen" }).click();
    await expect(page.getByRole("table", { name: "Kostenposten" })).toContainText("500,00 €");
    await expect(page.getByText("1.500,00 € (kein Plan erfasst)")).toBeVisible();
    // Cost per application: 1.500 € over the applications the KPI counted since the start.
    await expect(page.getByTestId("cost-per-result")).toContainText(/\d+,\d\d\s€/);
    await expectNoA11yViolations(page);

    // The realised benefit brings the verdict.
    await page.getByRole("link", { name: "Maßnahme bearbeiten" }).click();
    await page.getByLabel("Erzielter Nutzen in € (sobald bekannt)").fill("2.000");
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.waitForURL(/\/measures\/\d+\?saved=1$/);
    await expect(page.getByTestId("measure-verdict")).toContainText("trägt sich");
    await expect(page.getByTestId("measure-verdict")).toContainText("ROI 33");

    // Removing a cost item asks first.
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Kostenposten „Gesponserte Beiträge“ entfernen" }).click();
    await expect(page.getByRole("table", { name: "Kostenposten" })).not.toContainText("Gesponserte Beiträge");

    const phone = await pageFor(browser, "manager", PHONE);
    await phone.goto(page.url());
    await expectNoHorizontalOverflow(phone);
    await phone.goto("/measures");
    await expectNoHorizontalOverflow(phone);
    await phone.context().close();

    // Deleting the measure asks first, then it is gone.
    await page.getByRole("link", { name: "Maßnahme bearbeiten" }).click();
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Maßnahme löschen" }).click();
    await page.waitForURL(/\/measures\?deleted=1$/);
    await expect(page.getByText("Maßnahme gelöscht.")).toBeVisible();
    await expect(page.getByRole("link", { name: TITLE })).toHaveCount(0);
    await page.context().close();
  });

  test("a department head sees and edits only their department's measures; executives read; employees are refused", async ({ browser }) => {
    const hr = await pageFor(browser, "hr");
    await hr.goto("/measures");
    await expect(hr.getByRole("link", { name: "Azubi-Kampagne auf Instagram und TikTok" })).toBeVisible();
    await expect(hr.getByRole("link", { name: "LinkedIn-Webinarreihe Antriebstechnik" })).toHaveCount(0);
    await hr.context().close();

    const sales = await pageFor(browser, "sales");
    await sales.goto("/measures");
    await sales.getByRole("link", { name: "LinkedIn-Webinarreihe Antriebstechnik" }).click();
    await sales.waitForURL(/\/measures\/\d+$/);
    await expect(sales.getByTestId("measure-verdict")).toContainText("trägt sich");
    const webinar = sales.url();
    await sales.goto("/measures");
    const hrMeasure = await (async () => {
      const exec = await pageFor(browser, "exec");
      await exec.goto("/measures");
      await exec.getByRole("link", { name: "Azubi-Kampagne auf Instagram und TikTok" }).click();
      await exec.waitForURL(/\/measures\/\d+$/);
      const url = exec.url();
      // Executives read, but do not write.
      await expect(exec.getByRole("link", { name: "Maßnahme bearbeiten" })).toHaveCount(0);
      await expect(exec.getByRole("form", { name: "Kostenposten hinzufügen" })).toHaveCount(0);
      expect((await exec.goto("/measures/new"))?.status()).toBe(403);
      await exec.context().close();
      return url;
    })();
    expect((await sales.goto(hrMeasure))?.status()).toBe(403);
    expect((await sales.goto(`${hrMeasure}/edit`))?.status()).toBe(403);
    expect((await sales.goto(webinar))?.status()).toBe(200);
    await sales.context().close();

    const employee = await pageFor(browser, "employee");
    expect((await employee.goto("/measures"))?.status()).toBe(403);
    await employee.context().close();
  });
});
