import { expect, type Locator, type Page } from "@playwright/test";

export interface NewChannel {
  name: string;
  platform: string;
  handle: string;
  url?: string;
  status: string;
  owner?: string;
  deputy?: string;
  owningDepartment?: string;
}

export class ChannelsPage {
  constructor(private readonly page: Page) {}

  async create(c: NewChannel) {
    await this.page.goto("/channels/new");
    await this.page.getByLabel("Name", { exact: true }).fill(c.name);
    await this.page.getByLabel("Plattform").selectOption(c.platform);
    await this.page.getByLabel("Kennung (Handle)").fill(c.handle);
    if (c.url) await this.page.getByLabel("Adresse (URL)").fill(c.url);
    await this.page.getByLabel("Status").selectOption(c.status);
    if (c.owner) await this.page.getByLabel("Verantwortlich").selectOption({ label: c.owner });
    if (c.deputy) await this.page.getByLabel("Stellvertretung").selectOption({ label: c.deputy });
    if (c.owningDepartment) await this.page.getByLabel("Federführende Abteilung").selectOption({ label: c.owningDepartment });
    await this.page.getByRole("button", { name: "Anlegen" }).click();
  }

  /** Opens the channel page from the register (searching by name) and returns its id. */
  async open(name: string): Promise<number> {
    await this.page.goto(`/channels?q=${encodeURIComponent(name)}`);
    await this.page.getByRole("link", { name, exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 2, name })).toBeVisible();
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }

  async assign(department: string, responsibility: string) {
    const form = this.page.getByRole("form", { name: "Zuständigkeit festlegen" });
    await form.getByLabel("Abteilung").selectOption({ label: department });
    await form.getByLabel("Zuständigkeit").selectOption({ label: responsibility });
    await form.getByRole("button", { name: "Festlegen" }).click();
    await expect(form.getByRole("status")).toHaveText("Zuständigkeit gespeichert.");
  }

  registerRows(): Locator {
    return this.page.getByRole("table", { name: "Kanäle" }).locator("tbody tr");
  }

  /** The matrix cell of a department (row) and a channel (column). */
  async matrixCell(department: string, channel: string): Promise<Locator> {
    const headers = this.page.getByRole("columnheader");
    const texts = await headers.allInnerTexts();
    const col = texts.findIndex((x) => x.split("\n")[0].trim() === channel);
    expect(col, `column ${channel}`).toBeGreaterThan(0);
    const row = this.page.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: new RegExp(`^${department}`) }) });
    return row.getByRole("cell").nth(col - 1);
  }

  columnHeader(channel: string): Locator {
    return this.page.getByRole("columnheader").filter({ has: this.page.getByRole("link", { name: channel, exact: true }) });
  }
}
