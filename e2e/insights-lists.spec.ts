import { expect, test, type Page } from "@playwright/test";
import { storageFor } from "./fixtures";
import { createInsightByForm } from "./pages/insights-page";

const run = Date.now().toString(36);

/** The insights of the visible rows (desktop table), by their links: texts may repeat, ids do not. */
const rowLinks = (page: Page) => page.locator('main table tbody tr a[href^="/insights/"]');
const rowIds = async (page: Page) => (await rowLinks(page).evaluateAll((as) => as.map((a) => a.getAttribute("href")))) as string[];
/** Waits until the list shows another page than the one whose first row was `firstHref`. */
const otherPage = (page: Page, firstHref: string) => expect(rowLinks(page).first()).not.toHaveAttribute("href", firstHref);

test.describe("big lists: cursor paging, capped counts, search with marked matches", () => {
  test.use({ storageState: storageFor("manager") });

  test("the manager pages older and newer through all insights, and back to the first page, by keyboard too", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/insights?view=all");
    const pager = page.getByRole("navigation", { name: "Seitennavigation" });
    await expect(pager).toContainText(/\d+ Einträge/);
    // On the first page there is nothing newer.
    await expect(pager.getByText("Neuere")).toHaveAttribute("aria-disabled", "true");
    await expect(pager.getByRole("link", { name: "Zur ersten Seite" })).toHaveCount(0);
    const first = await rowIds(page);
    expect(first).toHaveLength(25);

    await pager.getByRole("link", { name: "Ältere" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]after=/);
    await expect(page).toHaveURL(/view=all/);
    await otherPage(page, first[0]);
    const second = await rowIds(page);
    expect(second.length).toBeGreaterThan(0);
    expect(second.some((r) => first.includes(r))).toBe(false);

    await pager.getByRole("link", { name: "Neuere" }).click();
    await expect(page).toHaveURL(/[?&]before=/);
    await otherPage(page, second[0]);
    expect(await rowIds(page)).toEqual(first);

    await pager.getByRole("link", { name: "Ältere" }).click();
    await expect(page).toHaveURL(/[?&]after=/);
    await otherPage(page, first[0]);
    await pager.getByRole("link", { name: "Zur ersten Seite" }).click();
    await expect(page).not.toHaveURL(/after=|before=/);
    await otherPage(page, second[0]);
    expect(await rowIds(page)).toEqual(first);
  });

  test("a broken page link shows the first page and says so", async ({ page }) => {
    await page.goto("/insights?view=all&after=kaputt");
    await expect(page.locator('[role="alert"][data-notice="error"]')).toContainText("Seitenlink ist ungültig");
    await expect(page.locator('main a[href^="/insights/"]').first()).toBeVisible();
  });

  test("a search finds umlauts written either way and marks the match", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const text = `Lautes Geraeusch am Getriebe [${run}-g]`;
    await createInsightByForm(page, { text, category: "Produktfeedback" });
    await page.goto("/insights?view=all");
    await page.getByLabel("Text durchsuchen").fill(`GERÄUSCH am Getriebe [${run}-g]`);
    await page.getByRole("button", { name: "Filtern" }).click();
    await expect(page).toHaveURL(/q=/);
    const row = page.getByRole("row").filter({ hasText: text });
    await expect(row).toHaveCount(1);
    await expect(row.locator("mark")).toHaveText(`Geraeusch am Getriebe [${run}-g]`);
    await expect(page.getByRole("navigation", { name: "Seitennavigation" })).toHaveCount(0);
    await expect(page.getByText(/^1 Eintrag$/)).toBeVisible();
  });
});
