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
