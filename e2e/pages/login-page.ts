import { expect, type Page } from "@playwright/test";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/login");
  }

  async login(email: string, password: string) {
    await this.page.getByLabel(/E-Mail-Adresse|E-mail address/).fill(email);
    await this.page.getByLabel(/^(Passwort|Password)$/).fill(password);
    await this.page.getByRole("button", { name: /^(Anmelden|Sign in)$/ }).click();
  }

  /** Logs in and waits until the dashboard has loaded. */
  async loginAs(email: string, password: string) {
    await this.goto();
    await this.login(email, password);
    await expect(this.page.getByRole("navigation", { name: /Hauptnavigation|Main navigation/ })).toBeVisible();
  }

  error() {
    return this.page.locator('[role="alert"][data-notice="error"]');
  }
}
