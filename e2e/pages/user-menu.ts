import type { Page } from "@playwright/test";

export class UserMenu {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole("button", { name: /, (Benutzermenü|User menu)$/ }).click();
  }

  async logout() {
    await this.open();
    await this.page.getByRole("button", { name: /^(Abmelden|Log out)$/ }).click();
  }

  /** Confirms the browser dialog that asks before every session ends. */
  async logoutEverywhere() {
    await this.open();
    this.page.once("dialog", (d) => d.accept());
    await this.page.getByRole("button", { name: /^(Überall abmelden|Sign out everywhere)$/ }).click();
  }
}
