import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoHorizontalOverflow, PHONE } from "./a11y";
import { storageFor, type RoleKey } from "./fixtures";
import { Confirmation, createInsightByForm, insightBadge, InsightsPage } from "./pages/insights-page";

const run = Date.now().toString(36);

async function as(browser: Browser, role: RoleKey, viewport?: { width: number; height: number }) {
  const context = await browser.newContext({ storageState: storageFor(role), ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  return { context, page, insights: new InsightsPage(page), confirm: new Confirmation(page) };
}

const rowCheckbox = (page: Page, text: string) => page.getByRole("row", { name: new RegExp(text) }).getByRole("checkbox");

test.describe.serial("daily insight work: ways out of triage, confirmations, bulk routing", () => {
  const praiseText = `Danke für den tollen Messestand in Hannover! [${run}-praise]`;
  const spamText = `Billige Follower kaufen, jetzt klicken [${run}-spam]`;
  const leadText = `Wir brauchen ein Angebot für zwanzig Getriebe [${run}-lead]`;
  let praiseId = 0;
  let leadId = 0;

  test("the manager files praise as 'no action needed' with a note, sees it confirmed, in the history and off the badge, and brings it back", async ({ browser }) => {
    const { context, page, insights, confirm } = await as(browser, "manager");
    praiseId = await createInsightByForm(page, { text: praiseText, category: "Lob" });
    await insights.open(praiseId);
    const before = await insightBadge(page);

    const exit = page.getByRole("form", { name: "Ohne Abteilung abschließen" });
    await exit.getByLabel("Notiz (optional)").fill("Ans Messeteam weitergegeben.");
    await exit.getByRole("button", { name: "Kein Handlungsbedarf" }).click();
    await expect(confirm.toast("Als „Kein Handlungsbedarf“ abgelegt.")).toBeVisible();
    await confirm.expectFocusKept();
    expect(await confirm.focused()).toBe("h2#actions-title");
    const item = insights.timeline().getByRole("listitem").filter({ hasText: "Als „Kein Handlungsbedarf“ abgelegt" });
    await expect(item).toContainText("Ans Messeteam weitergegeben.");
    await expect(item).toContainText("Jonas Weber");
    await expect(insights.outcome()).toContainText("Kein Handlungsbedarf");
    expect(await insightBadge(page)).toBe(before - 1);

    await page.getByRole("button", { name: "Zurück in die Triage" }).click();
    await expect(confirm.toast("Zurück in der Triage.")).toBeVisible();
    await expect(insights.timeline()).toContainText("Zurück in die Triage geholt");
    await confirm.expectFocusKept();
    await expect.poll(() => insightBadge(page)).toBe(before);
    await context.close();
  });

  test("the detail page is headed by the text, not by an internal number, and shows no form id", async ({ browser }) => {
    const { context, page, insights } = await as(browser, "manager");
    await insights.open(praiseId);
    await expect(page.getByRole("heading", { level: 2, name: /^Danke für den tollen Messestand/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: `Hinweis ${praiseId}` })).toHaveCount(0);
    await expect(page).toHaveTitle(/^Danke für den tollen Messestand.* – Hinweis/);
    await expect(page.getByText(/Quelle/)).toHaveCount(0);
    expect(await page.locator("main").innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    await context.close();
  });

  test("a selection goes to spam in bulk, identical texts are marked, and undo brings them back", async ({ browser }) => {
    const { context, page, confirm } = await as(browser, "manager");
    for (let i = 0; i < 2; i++) await createInsightByForm(page, { text: spamText, category: "Frage", author: `@spammer.${run}` });
    await page.goto("/insights");
    const rows = page.getByRole("row", { name: new RegExp(`${run}-spam`) });
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText("2× identisch");

    for (const cb of await rows.getByRole("checkbox").all()) await cb.check();
    await expect(page.getByText("2 Hinweise ausgewählt")).toBeVisible();
    await page.getByLabel("Notiz (optional)").fill("Werbung");
    await page.getByRole("button", { name: "Spam/irrelevant" }).click();
    await expect(confirm.toast("2 Hinweise als Spam/irrelevant markiert.")).toBeVisible();
    const result = page.getByTestId("bulk-result");
    await expect(result).toContainText("2 Hinweise als Spam/irrelevant markiert.");
    await expect(rows).toHaveCount(0);
    await confirm.expectFocusKept();
    expect(await confirm.focused()).toBe("div#bulk-result");

    await result.getByRole("button", { name: "Rückgängig" }).click();
    await expect(confirm.toast("2 Hinweise sind zurück in der Triage.")).toBeVisible();
    await expect(rows).toHaveCount(2);
    await confirm.expectFocusKept();
    await context.close();
  });

  test("bulk routing keeps the selection on an error and says precisely why an item was skipped", async ({ browser }) => {
    const { context, page, confirm } = await as(browser, "manager");
    leadId = await createInsightByForm(page, { text: leadText, category: "Frage" });
    await page.goto("/insights");
    await rowCheckbox(page, `${run}-lead`).check();
    await page.getByRole("button", { name: "Weiterleiten" }).click();
    await expect(page.getByText("Bitte eine Abteilung wählen.")).toBeVisible();
    await expect(page.getByText("1 Hinweis ausgewählt")).toBeVisible();
    await expect(rowCheckbox(page, `${run}-lead`)).toBeChecked();
    await expect(page.getByLabel("An Abteilung")).toBeFocused();

    await page.getByLabel("An Abteilung").selectOption({ label: "Vertrieb" });
    await page.getByRole("button", { name: "Weiterleiten" }).click();
    await expect(confirm.toast("1 Hinweis weitergeleitet.")).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(`${run}-lead`) })).toHaveCount(0);
    await confirm.expectFocusKept();

    // Again to the department it is already with: skipped, and the reason says so.
    await page.goto(`/insights?view=all&q=${run}-lead`);
    await rowCheckbox(page, `${run}-lead`).check();
    await page.getByLabel("An Abteilung").selectOption({ label: "Vertrieb" });
    await page.getByRole("button", { name: "Weiterleiten" }).click();
    const result = page.getByTestId("bulk-result");
    await expect(result).toContainText("Kein Hinweis weitergeleitet.");
    await expect(result).toContainText("1 Hinweis liegt bereits bei Vertrieb und wurde übersprungen.");
    await expect(result.getByRole("listitem")).toContainText("Wir brauchen ein Angebot für zwanzig Getriebe");
    await expect(result).not.toContainText("abgeschlossen");
    await context.close();
  });

  test("the sales head accepts and resolves with a confirmation each, and focus stays on the page", async ({ browser }) => {
    const { context, page, insights, confirm } = await as(browser, "sales");
    await insights.open(leadId);
    await page.getByRole("button", { name: "Annehmen" }).click();
    await expect(confirm.toast("Angenommen.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Annehmen" })).toHaveCount(0);
    await confirm.expectFocusKept();

    await insights.resolve("Angebot verschickt.", `CRM-${run}`);
    await expect(confirm.toast("Als erledigt markiert.")).toBeVisible();
    await expect(insights.outcome()).toContainText(`CRM-${run}`);
    await confirm.expectFocusKept();
    expect(await confirm.focused()).toBe("h2#actions-title");
    await context.close();
  });

  test("the triage exits count in the flow figures on the insights page and the overview", async ({ browser }) => {
    const { context, page } = await as(browser, "manager");
    await page.goto("/insights");
    await rowCheckbox(page, `${run}-praise`).check();
    await page.getByRole("button", { name: "Kein Handlungsbedarf" }).click();
    await expect(page.getByTestId("bulk-result")).toContainText("1 Hinweis als „Kein Handlungsbedarf“ abgelegt.");
    for (const path of ["/insights", "/overview"]) {
      await page.goto(path);
      const figures = page.getByTestId("triage-figures");
      await expect(figures).toContainText("Kein Handlungsbedarf");
      await expect(figures).toContainText("Spam/irrelevant");
      await expect(figures).toContainText("Warten in der Triage");
    }
    await context.close();
  });

  test("executives and employees do not reach the insights", async ({ browser }) => {
    for (const role of ["exec", "employee"] as const) {
      const { context, page } = await as(browser, role);
      const res = await page.goto("/insights");
      expect(res?.status(), role).toBe(403);
      await context.close();
    }
  });
});

// axe, the phone width and a title of its own on every insight page, for each role that sees them:
// the crawl of every role's pages (a11y.spec.ts).
test.describe("on a phone the lists are cards", () => {
  // One markup for both widths: the table's rows are laid out as cards (components/ui/table.tsx).
  async function expectCards(page: Page, table: string, testId: string) {
    const card = page.getByTestId(testId).first();
    await expect(card).toBeVisible();
    // The column headers give way to each value's own label; the card is no wider than the screen.
    await expect(page.getByRole("table", { name: table }).locator("thead")).toBeHidden();
    const box = (await card.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await card.evaluate((el) => getComputedStyle(el).display)).toBe("flex");
    await expectNoHorizontalOverflow(page);
  }

  test("the manager's insights and a department head's inbox", async ({ browser }) => {
    const manager = await as(browser, "manager", PHONE);
    await manager.page.goto("/insights");
    await expectCards(manager.page, "Hinweise", "insight-card");
    // Selecting works on the cards as in the table.
    await manager.page.getByText("Alle auf dieser Seite auswählen").click();
    await expect(manager.page.getByTestId("insight-card").first().getByRole("checkbox")).toBeChecked();
    await manager.context.close();

    const head = await as(browser, "service", PHONE);
    await head.page.goto("/insights");
    await expectCards(head.page, "Eingang der Abteilung", "inbox-card");
    await head.context.close();
  });

  test("on a wide screen the same rows are a table with column headers", async ({ browser }) => {
    const manager = await as(browser, "manager");
    await manager.page.goto("/insights");
    await expect(manager.page.getByRole("table", { name: "Hinweise" }).getByRole("columnheader", { name: "Kanal" })).toBeVisible();
    expect(await manager.page.getByTestId("insight-card").first().evaluate((el) => getComputedStyle(el).display)).toBe("table-row");
    await manager.context.close();
  });
});
