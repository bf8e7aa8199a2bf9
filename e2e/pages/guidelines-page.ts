import { expect, type Page } from "@playwright/test";

/** The guideline screens as a manager, reviewer or reader uses them (German UI). */
export class GuidelinesPage {
  constructor(private readonly page: Page) {}

  async createDraft(opts: { title: string; body: string; changeNote: string; signoffs: ("Recht" | "Datenschutz" | "Betriebsrat")[] }) {
    await this.page.goto("/guidelines/new");
    await this.page.getByLabel("Titel").fill(opts.title);
    for (const fn of ["Recht", "Datenschutz", "Betriebsrat"] as const) {
      await this.page.getByLabel(fn, { exact: true }).setChecked(opts.signoffs.includes(fn));
    }
    await this.page.getByLabel("Text (Markdown)").fill(opts.body);
    await this.page.getByLabel("Änderungsnotiz").fill(opts.changeNote);
    await this.page.getByRole("button", { name: "Als Entwurf anlegen" }).click();
    await this.page.waitForURL(/\/guidelines\/\d+$/);
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }

  /** Clicks a lifecycle button; publish, withdraw and archive ask for confirmation first. */
  async step(label: "Zur Prüfung einreichen" | "Prüfung abschließen" | "Veröffentlichen" | "Zurückziehen") {
    if (label !== "Zur Prüfung einreichen" && label !== "Prüfung abschließen") this.page.once("dialog", (d) => d.accept());
    await this.page.getByRole("button", { name: label }).click();
  }

  openVersion() {
    return this.page.getByRole("region", { name: /in Arbeit$/ });
  }

  async expectOpenStatus(status: string) {
    await expect(this.openVersion().getByText(status, { exact: true })).toBeVisible();
  }

  async recordSignoff(fn: "Recht" | "Datenschutz" | "Betriebsrat", decision: "freigegeben" | "abgelehnt", signatory: string, comment = "") {
    await this.page.getByLabel("Freigebende Stelle").selectOption({ label: fn });
    await this.page.getByLabel("Entscheidung").selectOption({ label: decision });
    await this.page.getByLabel("Name der unterzeichnenden Person").fill(signatory);
    await this.page.getByLabel("Kommentar").fill(comment);
    await this.page.getByRole("button", { name: "Freigabe erfassen" }).click();
  }

  myRow(title: string) {
    return this.page.getByRole("row").filter({ hasText: title });
  }
}
