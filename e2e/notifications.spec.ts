import { expect, test, type Browser } from "@playwright/test";
import { expectNoA11yViolations } from "./a11y";
import { storageFor, type RoleKey } from "./fixtures";

const run = Date.now().toString(36);

async function as(browser: Browser, role: RoleKey) {
  const context = await browser.newContext({ storageState: storageFor(role) });
  return { context, page: await context.newPage() };
}

test.describe.serial("notifications: an insight routed by the API reaches the department head", () => {
  let token = "";
  let insightId = 0;

  test("an admin creates an intake token", async ({ browser }) => {
    const { context, page } = await as(browser, "admin");
    await page.goto("/admin/tokens");
    await page.getByLabel("Bezeichnung").fill(`Benachrichtigungen ${run}`);
    await page.getByLabel("Hinweise einliefern").check();
    await page.getByRole("button", { name: "Anlegen" }).click();
    token = (await page.getByTestId("new-token").textContent())!.trim();
    await context.close();
  });

  test("the R&D head finds it in the notifications, with the unread count in the header, and follows the link", async ({ browser, request }) => {
    const res = await request.post("/api/v1/insights", {
      data: {
        source: "e2e-notify",
        externalId: `notify-${run}`,
        platform: "forum",
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        text: `Idee: ein leiserer Lüfter für den BX-400 [${run}]`,
        category: "idea",
      },
      headers: { Cookie: "", Authorization: `Bearer ${token}` },
    });
    expect(res.status()).toBe(201);
    insightId = (await res.json()).data.items[0].id;

    const { context, page } = await as(browser, "rnd");
    // The notification is written by a background job: it appears within seconds, not at once.
    await expect(async () => {
      await page.goto("/notifications");
      await expect(page.getByText(`Idee: ein leiserer Lüfter für den BX-400 [${run}]`)).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    const bell = page.getByTestId("notification-bell");
    await expect(bell).toHaveAccessibleName(/Benachrichtigungen, [1-9]\d* ungelesen/);
    await expectNoA11yViolations(page);

    const item = page.getByRole("listitem").filter({ hasText: `[${run}]` });
    await expect(item).toContainText("ungelesen");
    await item.getByRole("link", { name: /Neuer Hinweis für Forschung & Entwicklung/ }).click();
    await expect(page).toHaveURL(new RegExp(`/insights/${insightId}$`));

    await page.goto("/notifications");
    await expect(page.getByRole("listitem").filter({ hasText: `[${run}]` })).not.toContainText("ungelesen");
    if (await page.getByRole("button", { name: "Alle als gelesen markieren" }).isVisible()) {
      await page.getByRole("button", { name: "Alle als gelesen markieren" }).click();
      await expect(page.getByText(/Als gelesen markiert: \d+\./)).toBeVisible();
    }
    await context.close();
  });

  test("nobody else is told, and an unknown notification leads back to the list", async ({ browser }) => {
    const { context, page } = await as(browser, "service");
    await page.goto("/notifications");
    await expect(page.getByText(`[${run}]`)).toHaveCount(0);
    await page.goto("/notifications/999999999");
    await expect(page).toHaveURL(/\/notifications$/);
    await context.close();
  });
});
