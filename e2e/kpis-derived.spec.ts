import { expect, test } from "@playwright/test";
import { expectNoA11yViolations } from "./a11y";
import { pageFor } from "./fixtures";
import { KpiFormPage, kpiIdByName } from "./pages/kpi-pages";

const KPI = `SLA-Einhaltung Beschwerden ${Date.now().toString(36)}`;

test.describe("KPIs derived from insights", () => {
  test("the manager defines one from the insight flow; a definition that cannot be computed is refused; it takes no entered values", async ({ browser }) => {
    const page = await pageFor(browser, "manager");
    const form = new KpiFormPage(page);
    await form.goto();
    await form.fill({ process: "Reklamationsmanagement", name: KPI, unit: "Prozent (Anteil, 0–100)", direction: "Höher ist besser", period: "Monat", aggregation: "Summe", target: "95", warning: "90", critical: "80" });
    await page.getByLabel("Werte kommen aus").selectOption({ label: "SLA-Einhaltung (%)" });
    await page.getByRole("group", { name: "Kategorie" }).getByLabel("Beschwerde").check();
    await expectNoA11yViolations(page);
    await form.submit();
    await expect(page.getByText("Abgeleitete Kennzahlen haben je Zeitraum genau einen Wert: Verdichtung „Letzter Wert“ wählen.")).toBeVisible();
    // Nothing entered is lost: the source and the ticked category are still there.
    await expect(page.getByLabel("Werte kommen aus")).toHaveValue("sla_compliance");
    await expect(page.getByRole("group", { name: "Kategorie" }).getByLabel("Beschwerde")).toBeChecked();

    await page.getByLabel("Verdichtung im Zeitraum").selectOption({ label: "Letzter Wert" });
    await form.submit();
    await expect(page.getByRole("status").filter({ hasText: `Kennzahl „${KPI}“ wurde angelegt.` })).toBeVisible();
    const id = await kpiIdByName(page, KPI);
    await page.goto(`/kpis/${id}`);
    await expect(page.getByTestId("kpi-derived")).toContainText("Abgeleitet aus Hinweisen");
    await expect(page.getByTestId("kpi-derived")).toContainText("SLA-Einhaltung (%); Kategorie: Beschwerde");
    await expect(page.getByLabel("Messwert", { exact: true })).toHaveCount(0);
    await page.context().close();

    // Not even a department head of the process can enter a value for it.
    const head = await pageFor(browser, "service");
    await head.goto(`/kpis/${id}`);
    await expect(head.getByLabel("Messwert", { exact: true })).toHaveCount(0);
    await head.context().close();
  });
});
