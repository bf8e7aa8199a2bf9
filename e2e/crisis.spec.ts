import { expect, test } from "@playwright/test";
import { storageFor } from "./fixtures";

const run = Date.now().toString(36);

test("a spike of negative insights raises one crisis alert for the central unit", async ({ browser, request }) => {
  const admin = await browser.newPage({ storageState: storageFor("admin") });
  await admin.goto("/admin/tokens");
  await admin.getByLabel("Bezeichnung").fill(`Monitoring Krise ${run}`);
  await admin.getByLabel("Hinweise einliefern").check();
  await admin.getByRole("button", { name: "Anlegen" }).click();
  const token = (await admin.getByTestId("new-token").textContent())!.trim();
  await admin.close();

  const manager = await browser.newPage({ storageState: storageFor("manager") });
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
  await manager.close();
});
