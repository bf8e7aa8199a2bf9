import { expect, type Page } from "@playwright/test";

/** The insight pages as a user sees them: inboxes, one insight with its history and actions. */
export class InsightsPage {
  constructor(private readonly page: Page) {}

  async gotoInbox() {
    await this.page.goto("/insights");
  }

  inboxTable() {
    return this.page.getByRole("table", { name: "Eingang der Abteilung" });
  }

  row(text: string) {
    return this.page.getByRole("row", { name: new RegExp(text) });
  }

  async open(id: number) {
    return this.page.goto(`/insights/${id}`);
  }

  timeline() {
    return this.page.getByTestId("timeline");
  }

  outcome() {
    return this.page.getByTestId("outcome");
  }

  async accept() {
    await this.page.getByRole("button", { name: "Annehmen" }).click();
    // The page refreshes with the new state: the step shows in the history, the button is gone.
    await expect(this.timeline().getByRole("listitem").filter({ hasText: /^Angenommen/ })).toBeVisible();
    await expect(this.page.getByRole("button", { name: "Annehmen" })).toHaveCount(0);
  }

  async resolve(note: string, reference: string) {
    const form = this.page.getByRole("form", { name: "Als erledigt markieren" });
    await form.getByLabel("Ergebnis").fill(note);
    await form.getByLabel(/Externe Referenz/).fill(reference);
    await form.getByRole("button", { name: "Als erledigt markieren" }).click();
  }

  async routeSelected(texts: string[], department: string) {
    for (const text of texts) await this.row(text).getByRole("checkbox").check();
    await this.page.getByLabel("An Abteilung").selectOption({ label: department });
    await this.page.getByRole("button", { name: "Weiterleiten" }).click();
  }
}

/** What a keyboard or screen-reader user relies on after an action: a confirmation and a focus that is not lost. */
export class Confirmation {
  constructor(private readonly page: Page) {}

  toast(text: string | RegExp) {
    return this.page.getByTestId("toast").filter({ hasText: text });
  }

  /** The element that has focus, as "tag#id"; "body" when focus was lost. */
  async focused(): Promise<string> {
    return this.page.evaluate(() => {
      const a = document.activeElement;
      return !a || a === document.body ? "body" : `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ""}`;
    });
  }

  /** Waits until focus has settled on something other than <body>. */
  async expectFocusKept() {
    await expect.poll(() => this.focused(), { timeout: 5_000 }).not.toBe("body");
  }
}

/** The manager's form for one insight; returns the new insight's id. */
export async function createInsightByForm(page: Page, input: { text: string; category: string; author?: string }): Promise<number> {
  await page.goto("/insights/new");
  await page.getByLabel("Text", { exact: true }).fill(input.text);
  await page.getByLabel("Kategorie").selectOption({ label: input.category });
  await page.getByLabel("Plattform").selectOption({ label: "Forum" });
  if (input.author) await page.getByLabel("Autor").fill(input.author);
  await page.getByRole("button", { name: "Hinweis anlegen" }).click();
  const link = page.getByRole("link", { name: "Hinweis öffnen" });
  await expect(link).toBeVisible();
  return Number((await link.getAttribute("href"))!.split("/").at(-1));
}

/** The nav badge of the insights section: 0 when it is not shown. */
export async function insightBadge(page: Page): Promise<number> {
  const badge = page.getByTestId("nav-badge-insights");
  return (await badge.count()) ? Number((await badge.first().textContent())!.trim()) : 0;
}
