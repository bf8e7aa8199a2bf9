import { expect, type Page } from "@playwright/test";

export class KpiFormPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/kpis/new");
  }

  async fill(k: { process: string; name: string; unit: string; direction: string; period: string; aggregation: string; target: string; warning: string; critical: string }) {
    await this.page.getByLabel("Geschäftsprozess").selectOption({ label: k.process });
    await this.page.getByLabel("Bezeichnung").fill(k.name);
    await this.page.getByLabel("Einheit").selectOption({ label: k.unit });
    await this.page.getByLabel("Richtung").selectOption({ label: k.direction });
    await this.page.getByLabel("Zeitraum", { exact: true }).selectOption({ label: k.period });
    await this.page.getByLabel("Verdichtung im Zeitraum").selectOption({ label: k.aggregation });
    await this.page.getByLabel("Zielwert").fill(k.target);
    await this.page.getByLabel("Warnschwelle").fill(k.warning);
    await this.page.getByLabel("Kritische Schwelle").fill(k.critical);
  }

  async submit() {
    await this.page.getByRole("button", { name: "Anlegen" }).click();
  }
}

export class KpiDetailPage {
  constructor(private readonly page: Page) {}

  async goto(id: number) {
    await this.page.goto(`/kpis/${id}`);
  }

  async record(value: string) {
    await this.page.getByLabel("Messwert", { exact: true }).fill(value);
    await this.page.getByRole("button", { name: "Speichern" }).click();
  }

  chart() {
    return this.page.getByRole("img", { name: /Liniendiagramm der Ist-Werte/ });
  }
}

/** The number on the alerts entry of the navigation (0 when no badge is shown). */
export async function alertBadge(page: Page): Promise<number> {
  const badge = page.getByRole("navigation", { name: "Hauptnavigation" }).getByTestId("nav-badge-alerts");
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeVisible();
  return (await badge.count()) ? Number(await badge.textContent()) : 0;
}

/** The KPI id behind a link on the KPI list. */
export async function kpiIdByName(page: Page, name: string): Promise<number> {
  await page.goto("/kpis?page=1");
  for (;;) {
    const link = page.getByRole("link", { name, exact: true });
    if (await link.count()) return Number((await link.first().getAttribute("href"))!.split("/").pop());
    const next = page.getByRole("link", { name: "Nächste Seite" });
    if (!(await next.count())) throw new Error(`KPI ${name} not found`);
    await next.click();
  }
}
