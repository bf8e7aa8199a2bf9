import { expect, type Page } from "@playwright/test";

/** The manager's side of insights: routing rules, the CSV import, the list to find insights by text. */
export class RulesPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/insights/rules");
  }

  async gotoNew() {
    await this.page.goto("/insights/rules/new");
  }

  row(name: string) {
    return this.page.getByRole("row", { name: new RegExp(name) });
  }

  /** The names of all rules, top to bottom. */
  async names() {
    return this.page.getByRole("row").locator("td:nth-child(2)").allInnerTexts();
  }

  category(label: string) {
    return this.page.getByRole("group", { name: "Kategorien" }).getByLabel(label, { exact: true });
  }

  preview() {
    return this.page.getByRole("region", { name: "Vorschau" });
  }

  submit() {
    return this.page.getByRole("button", { name: "Neue Regel" });
  }
}

export class CsvImportPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/insights/import");
  }

  /** Picks a file as the browser would hand it over, then asks for the check. */
  async check(name: string, content: string) {
    await this.page.getByLabel("CSV-Datei").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
    await this.page.getByRole("button", { name: "Prüfen" }).click();
  }

  importButton() {
    return this.page.getByRole("button", { name: "Importieren" });
  }
}

/** The manager's list of all insights, searched by a text. */
export async function searchAllInsights(page: Page, text: string) {
  await page.goto("/insights?view=all");
  await page.getByLabel("Text durchsuchen").fill(text);
  await page.getByRole("button", { name: "Filtern" }).click();
  await expect(page).toHaveURL(/q=/);
  return page.getByRole("row").filter({ hasText: text });
}
