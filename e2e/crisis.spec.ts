import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { pageFor } from "./fixtures";

const run = Date.now().toString(36);

test("a spike of negative insights raises one crisis alert and a draft crisis room the manager works through", async ({ browser, request }) => {
  const admin = await pageFor(browser, "admin");
  await admin.goto("/admin/tokens");
  await admin.getByLabel("Bezeichnung").fill(`Monitoring Krise ${run}`);
  await admin.getByLabel("Hinweise einliefern").check();
  await admin.getByRole("button", { name: "Anlegen" }).click();
  const token = (await admin.getByTestId("new-token").textContent())!.trim();
  await admin.context().close();

  const manager = await pageFor(browser, "manager");
  await manager.goto("/alerts?kind=crisis&status=open");
  const crisisRows = manager.getByRole("row").filter({ hasText: "Krise" });
  await expect(crisisRows).toHaveCount(0);

  const items = Array.from({ length: 12 }, (_, i) => ({
    source: "e2e-crisis",
    externalId: `${run}-${i}`,
    platform: "x",
    occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    text: `Skandal! Eure Maschine hat unseren Betrieb lahmgelegt, absolut inakzeptabel (${i})`,
    category: "complaint",
    sentiment: "negative",
    authorHandle: `@wuetend${i}`,
  }));
  const res = await request.post("/api/v1/insights", { data: { items }, headers: { Cookie: "", Authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(201);

  await manager.reload();
  await expect(crisisRows).toHaveCount(1);
  await expect(crisisRows).toContainText(/\d+ negative Hinweise in den letzten 6 Stunden/);
  await expect(crisisRows).toContainText("Unternehmenskommunikation");

  // Sending the same insights again changes nothing: no duplicates, still one alert.
  const again = await request.post("/api/v1/insights", { data: { items }, headers: { Cookie: "", Authorization: `Bearer ${token}` } });
  expect(again.status()).toBe(200);
  await manager.reload();
  await expect(crisisRows).toHaveCount(1);

  // The alert opened a draft crisis room; the manager confirms it with a playbook.
  await manager.goto("/crisis");
  const drafts = manager.getByRole("table", { name: "Entwürfe und aktive Krisen" });
  await expect(drafts.getByRole("row").filter({ hasText: "Entwurf" })).toHaveCount(1);
  await drafts.getByRole("link", { name: /Negative spike/ }).click();
  await expect(manager.getByRole("heading", { name: "Entwurf bestätigen" })).toBeVisible();
  const confirm = manager.getByRole("form", { name: "Entwurf bestätigen" });
  await confirm.getByLabel("Titel").fill(`Betriebsausfälle ${run}`);
  await confirm.getByLabel("Playbook").selectOption({ label: "Produktmangel / Sicherheitsfrage" });
  await confirm.getByLabel("Themen").fill("inakzeptabel");
  await confirm.getByRole("button", { name: "Als Krise bestätigen" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: `Betriebsausfälle ${run}` })).toBeVisible();
  await expect(manager.getByText("Aktiv", { exact: true })).toBeVisible();

  // Its insights are the spike's (they mention the topic), its checklist the playbook's five steps.
  const insightsTable = manager.getByRole("table", { name: "Hinweise der Krise" });
  await expect(insightsTable.getByRole("row").filter({ hasText: "absolut inakzeptabel" })).toHaveCount(12);
  const checklist = manager.getByRole("list", { name: "Checkliste" });
  await expect(checklist.locator(":scope > li")).toHaveCount(5);

  // Tick the first step and comment on it; both land on the timeline.
  await manager.getByRole("button", { name: "„Lage bewerten, Krisenstab informieren“ als erledigt markieren" }).click();
  const first = checklist.locator(":scope > li").first();
  await expect(first).toContainText("erledigt von Jonas Weber");
  await first.getByText("Zuweisen und kommentieren").click();
  await first.getByLabel("Kommentar").fill("Krisenstab tagt um 14 Uhr.");
  await first.getByRole("button", { name: "Kommentieren" }).click();
  await expect(first).toContainText("Krisenstab tagt um 14 Uhr.");
  await expect(manager.getByText("Erledigt: Lage bewerten, Krisenstab informieren")).toBeVisible();

  await expectNoA11yViolations(manager, "crisis room (active)");
  // As a phone opens it (the chart measures its box when it mounts).
  await manager.setViewportSize(PHONE);
  await manager.reload();
  await expect(manager.getByRole("heading", { level: 1, name: `Betriebsausfälle ${run}` })).toBeVisible();
  await expectNoHorizontalOverflow(manager, "crisis room on a phone");

  // Closing needs a summary and a confirmation; afterwards it is a past crisis.
  manager.once("dialog", (d) => d.accept());
  const close = manager.getByRole("form", { name: "Krise abschließen" });
  await close.getByLabel("Zusammenfassung").fill("Ursache gefunden, Kunden informiert, Lage ruhig.");
  await close.getByRole("button", { name: "Krise abschließen" }).click();
  await expect(manager.getByText("Abgeschlossen", { exact: true })).toBeVisible();
  await expect(manager.getByText("Ursache gefunden, Kunden informiert, Lage ruhig.")).toBeVisible();
  await manager.goto("/crisis");
  await expect(manager.getByRole("table", { name: "Vergangene Krisen" }).getByRole("link", { name: `Betriebsausfälle ${run}` })).toBeVisible();
  await manager.context().close();
});
