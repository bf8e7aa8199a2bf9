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

  /** Clicks a lifecycle button; publish and withdraw ask for confirmation in the page first. */
  async step(label: "Zur Prüfung einreichen" | "Prüfung abschließen" | "Veröffentlichen" | "Zurückziehen") {
    await this.page.getByRole("button", { name: label, exact: true }).click();
    if (label === "Veröffentlichen" || label === "Zurückziehen") {
      const question = this.page.getByRole("group").filter({ has: this.page.getByRole("button", { name: label, exact: true }) });
      await question.getByRole("button", { name: label, exact: true }).click();
    }
  }

  /** Archives the published version from the secondary actions, confirming the question. */
  async archive() {
    const zone = this.page.getByRole("region", { name: "Weitere Aktionen" });
    await zone.getByRole("button", { name: "Archivieren …" }).click();
    await expect(zone.getByText(/Archivieren\?$/)).toBeVisible();
    await zone.getByRole("button", { name: "Ja, archivieren" }).click();
  }

  openVersion() {
    return this.page.getByRole("region", { name: /in Arbeit$/ });
  }

  async expectOpenStatus(status: string) {
    await expect(this.openVersion().getByText(status, { exact: true })).toBeVisible();
  }

  /** The manager's fallback: a sign-off recorded on behalf of a signatory, with a reference. */
  async recordSignoff(fn: "Recht" | "Datenschutz" | "Betriebsrat", decision: "freigegeben" | "abgelehnt", signatory: string, comment = "", reference = "Protokoll der Sitzung") {
    const form = this.onBehalfForm();
    await this.openOnBehalf();
    await form.getByLabel("Freigebende Stelle").selectOption({ label: fn });
    await form.getByLabel("Entscheidung").selectOption({ label: decision });
    await form.getByLabel("Name der unterzeichnenden Person").fill(signatory);
    await form.getByLabel("Beleg").fill(reference);
    await form.getByLabel("Kommentar").fill(comment);
    await form.getByRole("button", { name: "Freigabe erfassen" }).click();
  }

  onBehalfForm() {
    return this.page.getByTestId("on-behalf");
  }

  async openOnBehalf() {
    const details = this.onBehalfForm();
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
  }

  /** A holder of a sign-off function signs with their own login. */
  async sign(decision: "freigegeben" | "abgelehnt", comment = "") {
    const form = this.page.getByRole("form", { name: "Ihre Freigabe" });
    await form.getByLabel("Entscheidung").selectOption({ label: decision });
    await form.getByLabel("Kommentar").fill(comment);
    await form.getByRole("button", { name: "Freigabe unterzeichnen" }).click();
  }

  myRow(title: string) {
    return this.page.getByRole("row").filter({ hasText: title });
  }
}
