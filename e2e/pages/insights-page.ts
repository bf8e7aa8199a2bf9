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
