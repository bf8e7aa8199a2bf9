import { expect, type Page, test } from "@playwright/test";
import { expectNoHorizontalOverflow, PHONE } from "./a11y";
import { storageFor } from "./fixtures";
import { KpiDetailPage, kpiIdByName } from "./pages/kpi-pages";

const DESKTOP = { width: 1440, height: 900 } as const;
const RESPONSE_TIME = "Zeit bis zur ersten Antwort";

/** "1.234,5 h" → 1234.5 */
function germanNumber(s: string): number {
  return Number(s.replace(/[^\d,.-]/g, "").replace(/\./g, "").replace(",", "."));
}

async function openOverviewQuarter(page: Page): Promise<string> {
  await page.goto("/overview");
  const refetch = page.waitForResponse((r) => r.url().includes("/api/overview?period=quarter"));
  await page.getByRole("button", { name: "Quartal", exact: true }).click();
  await refetch;
  await expect(page.getByTestId("overview-window")).toHaveText(/^Q[1-4] \d{4}$/);
  return (await page.getByTestId("overview-window").textContent())!;
}

test.describe("a KPI opened from the overview keeps its context", () => {
  test("from the quarter view: the chart covers the quarter, speaks German, and the breadcrumb leads back to the quarter", async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageFor("exec"), viewport: DESKTOP });
    const quarter = await openOverviewQuarter(page);
    await page.getByRole("row").filter({ hasText: RESPONSE_TIME }).getByRole("link", { name: RESPONSE_TIME }).click();
    await expect(page).toHaveURL(/\/kpis\/\d+\?window=quarter&date=\d{4}-\d{2}-01&from=overview/);
    await expect(page).toHaveTitle(new RegExp(`^${RESPONSE_TIME} – Kennzahl`));

    const crumbs = page.getByRole("navigation", { name: "Sie sind hier" });
    await expect(crumbs.getByRole("link")).toHaveText(["Überblick", `Quartal ${quarter}`]);
    await expect(crumbs.locator('[aria-current="page"]')).toHaveText(RESPONSE_TIME);

    // The chart covers that quarter: its title says so, and so does the window control.
    await expect(page.getByTestId("kpi-chart-title")).toHaveText(`Ist-Werte je Woche gegen Zielwert · ${quarter}`);
    const windowNav = page.getByRole("navigation", { name: "Zeitraum des Diagramms" });
    await expect(windowNav.getByRole("link", { name: "Quartal" })).toHaveAttribute("aria-current", "true");
    await expect(page.getByTestId("kpi-window")).toHaveText(quarter);
    // A weekly KPI in a quarter: at most 14 weeks overlap it (not a fixed 12 reaching back before it).
    const periods = page.getByRole("region", { name: "Zeiträume", exact: true }).getByRole("row");
    const weeks = (await periods.count()) - 1;
    expect(weeks).toBeGreaterThanOrEqual(1);
    expect(weeks).toBeLessThanOrEqual(14);

    // Legend for the target and both bands (lower is better: the bands lie above the thresholds).
    const legend = page.getByRole("list", { name: "Legende" });
    await expect(legend).toContainText("Ist");
    await expect(legend).toContainText("Ziel (4 h)");
    await expect(legend).toContainText("Warnbereich: über 8 h");
    await expect(legend).toContainText("Kritischer Bereich: über 12 h");

    // Round ticks in German number format, evenly spaced by 1, 2, 2.5 or 5 times a power of ten.
    const chart = new KpiDetailPage(page).chart();
    await expect(chart).toBeVisible();
    const ticks = (await chart.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents()).map((s) => s.trim());
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of ticks) expect(tick).toMatch(/^\d{1,3}(\.\d{3})*(,\d+)? h$/);
    const values = ticks.map(germanNumber).sort((a, b) => a - b);
    const step = values[1] - values[0];
    for (let i = 1; i < values.length; i++) expect(values[i] - values[i - 1]).toBeCloseTo(step, 6);
    const mantissa = step / 10 ** Math.floor(Math.log10(step));
    expect([1, 2, 2.5, 5]).toContainEqual(Number(mantissa.toFixed(6)));
    // Straight segments between periods, no smoothed curve.
    // (On the first day of a quarter there may be a single point and no line at all.)
    const paths = await chart.locator(".recharts-line path.recharts-curve").evaluateAll((els) => els.map((e) => e.getAttribute("d") ?? ""));
    for (const d of paths) expect(d).not.toMatch(/C/);

    // The tooltip in German, in the KPI's unit.
    const plot = chart.locator(".recharts-cartesian-grid");
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
    const tooltip = page.getByTestId("kpi-chart-tooltip");
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText(/Ist: (\d+(,\d)? h|—)/);
    await expect(tooltip).toContainText(/Ziel: \d+(,\d)? h/);

    // Back to the overview, with the quarter still selected.
    await crumbs.getByRole("link", { name: `Quartal ${quarter}` }).click();
    await expect(page).toHaveURL(/\/overview\?period=quarter&date=\d{4}-\d{2}-01/);
    await expect(page.getByRole("button", { name: "Quartal", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("overview-window")).toHaveText(quarter);
    await page.close();
  });

  test("the chart's window can be changed on the KPI page, and an earlier quarter is one click away", async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageFor("exec"), viewport: DESKTOP });
    await openOverviewQuarter(page);
    await page.getByRole("row").filter({ hasText: RESPONSE_TIME }).getByRole("link", { name: RESPONSE_TIME }).click();
    const windowNav = page.getByRole("navigation", { name: "Zeitraum des Diagramms" });
    await windowNav.getByRole("link", { name: "Letzte 12 Wochen" }).click();
    await expect(page.getByTestId("kpi-chart-title")).toHaveText("Ist-Werte je Woche gegen Zielwert");
    await expect(page.getByRole("region", { name: "Zeiträume", exact: true }).getByRole("row")).toHaveCount(13);
    // Still on the way from the overview.
    await expect(page.getByRole("navigation", { name: "Sie sind hier" }).getByRole("link", { name: "Überblick" })).toBeVisible();

    await windowNav.getByRole("link", { name: "Quartal" }).click();
    const current = (await page.getByTestId("kpi-window").textContent())!;
    await expect(page.getByRole("link", { name: "Späterer Zeitraum" })).toHaveCount(0);
    await page.getByRole("link", { name: "Früherer Zeitraum" }).click();
    await expect(page.getByTestId("kpi-window")).not.toHaveText(current);
    await expect(page.getByTestId("kpi-window")).toHaveText(/^Q[1-4] \d{4}$/);
    await expect(page.getByRole("link", { name: "Späterer Zeitraum" })).toBeVisible();
    await page.close();
  });

  test("unknown parameters fall back to the KPI list's view", async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageFor("manager"), viewport: DESKTOP });
    const id = await kpiIdByName(page, RESPONSE_TIME);
    const res = await page.goto(`/kpis/${id}?window=decade&date=2026-02-30&from=https%3A%2F%2Fevil.example&compare=x`);
    expect(res?.status()).toBe(200);
    const crumbs = page.getByRole("navigation", { name: "Sie sind hier" });
    await expect(crumbs.getByRole("link")).toHaveText(["Kennzahlen"]);
    await expect(page.getByRole("navigation", { name: "Zeitraum des Diagramms" }).getByRole("link", { name: "Letzte 12 Wochen" })).toHaveAttribute("aria-current", "true");
    await crumbs.getByRole("link", { name: "Kennzahlen" }).click();
    await expect(page).toHaveURL(/\/kpis$/);
    await page.close();
  });
});

test.describe("the overview's tables line up", () => {
  test("the status column starts at the same x in every process table, with and without comparison", async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageFor("exec"), viewport: DESKTOP });
    await page.goto("/overview?period=month");
    for (const compare of [false, true]) {
      if (compare) await page.getByLabel("Mit Vorperiode vergleichen").check();
      const headers = page.getByTestId("status-column");
      await expect(headers.first()).toBeVisible();
      const xs = await headers.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
      expect(xs.length).toBeGreaterThan(3);
      expect(new Set(xs).size, `status columns at ${xs.join(", ")}`).toBe(1);
    }
    await page.close();
  });

  test("on a phone every KPI is a card with its status and trend in view", async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageFor("exec"), viewport: PHONE });
    await page.goto("/overview?period=quarter");
    const card = page.getByTestId("overview-kpi").filter({ hasText: RESPONSE_TIME });
    await expect(card).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await expect(card.locator("[data-status]").first()).toBeInViewport();
    await expect(card.getByRole("img", { name: "Zielerreichung je Abschnitt, oben ist besser" })).toBeInViewport();
    await expect(card.getByTestId("kpi-alert")).toContainText("Warnung: Kritisch");
    await expectNoHorizontalOverflow(page);
    await page.close();
  });
});

test.describe("the channel matrix shows that there is more", () => {
  test("a hint names the channels out of view, reaches them, and the department column stays", async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageFor("manager"), viewport: DESKTOP });
    await page.goto("/channels/matrix");
    const region = page.getByRole("region", { name: "Zuständigkeitsmatrix, seitlich scrollbar" });
    await expect(region).toBeVisible();
    const more = page.getByRole("button", { name: /^→ \d+ weiterer? Kan(al|äle)$/ });
    await expect(more).toBeVisible();
    expect(Number((await more.textContent())!.match(/\d+/)![0])).toBeGreaterThan(0);

    // The region is reachable by keyboard and scrolls with the arrow keys.
    await region.focus();
    await expect(region).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await region.evaluate((el) => el.scrollTo({ left: 0 }));

    // Produktion's only channel is off-screen at first; the hint brings it into view.
    const production = region.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Produktion/ }) });
    const itsChannel = production.getByRole("cell").filter({ hasText: /Federführend|Mitwirkend|Lesend/ });
    await expect(itsChannel).toHaveCount(1);
    await expect(itsChannel).not.toBeInViewport();
    await expect(async () => {
      if (await more.isVisible()) await more.click();
      await expect(more).toBeHidden({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(itsChannel).toBeInViewport();
    await expect(production.getByRole("rowheader")).toBeInViewport();
    await expect(page.getByRole("button", { name: "← Zurück zum Anfang" })).toBeVisible();

    // Turned around: channels as rows.
    await page.getByLabel("Zeilen").selectOption({ label: "Kanäle" });
    await page.getByRole("button", { name: "Anzeigen" }).click();
    await expect(page.getByTestId("channel-matrix")).toHaveAttribute("data-layout", "channels");
    await expect(page.getByRole("region", { name: "Zuständigkeitsmatrix (Kanäle als Zeilen), seitlich scrollbar" }).getByRole("columnheader", { name: /Produktion/ })).toBeAttached();
    await page.close();
  });
});

// axe and the phone width on these pages, including the overview's quarter with comparison, a KPI
// opened from it and the matrix turned around: the crawl of every role's pages (a11y.spec.ts).
test.describe("titles", () => {
  test("each page has its own title", async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageFor("manager") });
    const titles = new Set<string>();
    for (const url of ["/overview", "/kpis", "/kpis/grid", "/kpis/new", "/kpis/import", "/alerts", "/channels/matrix"]) {
      await page.goto(url);
      titles.add(await page.title());
    }
    expect(titles.size).toBe(7);
    await page.close();
  });
});
