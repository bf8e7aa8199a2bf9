import { expect, test } from "@playwright/test";
import { storageFor } from "./fixtures";

test.describe("overview beyond KPIs", () => {
  test("the executive sees how every department acts on insights and how far the guidelines reach", async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageFor("exec") });
    await page.goto("/overview");
    const flow = page.getByRole("region", { name: "Durchlauf je Abteilung" });
    await expect(flow.getByRole("rowheader", { name: "Forschung & Entwicklung" })).toBeVisible();
    await expect(flow.getByRole("rowheader", { name: "Personal" })).toBeVisible();
    await expect(flow.getByRole("columnheader", { name: "SLA eingehalten" })).toBeVisible();

    const coverage = page.getByRole("region", { name: "Kenntnisnahme der Leitfäden" });
    const row = coverage.getByRole("row", { name: /Social-Media-Leitlinie der Brenner Antriebstechnik GmbH/ });
    await expect(row).toContainText(/\d+ von \d+/);
    await expect(row).toContainText("%");
    // Aggregates only: nobody's name appears in the coverage table.
    await expect(coverage).not.toContainText("Lena Fischer");
    await page.close();
  });

  test("a department head sees only their own department's figures", async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageFor("sales") });
    await page.goto("/overview");
    const flow = page.getByRole("region", { name: "Durchlauf je Abteilung" });
    await expect(flow.getByRole("rowheader", { name: "Vertrieb" })).toBeVisible();
    await expect(flow.getByRole("rowheader")).toHaveCount(1);
    await page.close();
  });
});

test.describe("the overview agrees with its alerts", () => {
  const SEVERITY = { warning: "Warnung: Warnschwelle überschritten", critical: "Warnung: Kritisch" } as const;

  test("in month, quarter and year view every KPI with an open alert shows its severity, and the cards add up", async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageFor("exec") });
    await page.goto("/overview?period=month");
    const open = (await (await page.request.get("/api/overview?period=month")).json()).data.alerts as {
      unresolvedTotal: number;
      latest: { kpiName: string | null; kpiId: number | null; severity: "warning" | "critical" }[];
    };
    const kpiAlerts = open.latest.filter((a) => a.kpiId !== null);
    // The demo company has open alerts; all of them fit in the box, so this list is complete.
    expect(kpiAlerts.length).toBeGreaterThan(0);
    expect(open.unresolvedTotal).toBe(open.latest.length);

    for (const period of ["Monat", "Quartal", "Jahr"]) {
      if (period !== "Monat") {
        const refetch = page.waitForResponse((r) => r.url().includes("/api/overview?"));
        await page.getByRole("button", { name: period, exact: true }).click();
        await refetch;
      }
      await expect(page.getByRole("button", { name: period, exact: true })).toHaveAttribute("aria-pressed", "true");
      for (const a of kpiAlerts) {
        const row = page.locator(`[data-testid="overview-kpi"][data-kpi="${a.kpiName}"]`);
        await expect(row.getByTestId("kpi-alert"), `${period}: ${a.kpiName}`).toContainText(SEVERITY[a.severity]);
        await expect(row, `${period}: ${a.kpiName}`).toHaveAttribute("data-overall", a.severity === "critical" ? "critical" : /warning|critical/);
      }
      const cards = await page.getByTestId("overview-counts").locator("dd").allTextContents();
      expect(cards).toHaveLength(5);
      const rows = await page.getByTestId("overview-kpi").count();
      expect(cards.reduce((s, c) => s + Number(c), 0), period).toBe(rows);
      const critical = Number(await page.locator('[data-count="offTarget"] dd').textContent());
      expect(critical, period).toBeGreaterThanOrEqual(kpiAlerts.filter((a) => a.severity === "critical").length);
    }
    await page.close();
  });
});
