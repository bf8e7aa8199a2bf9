import { expect, test, type Browser } from "@playwright/test";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { ROLES, storageFor, type RoleKey } from "./fixtures";
import { startMailbox } from "./smtp";

const run = Date.now().toString(36);

async function as(browser: Browser, role: RoleKey) {
  const context = await browser.newContext({ storageState: storageFor(role) });
  return { context, page: await context.newPage() };
}

test.describe.serial("notifications: an insight routed by the API reaches the department head", () => {
  let token = "";
  let insightId = 0;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;

  test.beforeAll(async () => {
    mailbox = await startMailbox();
  });
  test.afterAll(async () => {
    await mailbox?.close();
  });

  const post = (request: import("@playwright/test").APIRequestContext, externalId: string, text: string) =>
    request.post("/api/v1/insights", {
      data: { source: "e2e-notify", externalId, platform: "forum", occurredAt: new Date(Date.now() - 60_000).toISOString(), text, category: "idea" },
      headers: { Cookie: "", Authorization: `Bearer ${token}` },
    });

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

  test("the head also gets a mail in the test mailbox whose link opens the insight", async ({ browser, baseURL }) => {
    await expect.poll(() => mailbox.find(ROLES.rnd, `#${insightId}`).length, { timeout: 60_000 }).toBe(1);
    const [mail] = mailbox.find(ROLES.rnd, `#${insightId}`);
    expect(mail.subject).toBe(`Neu für Forschung & Entwicklung: Idee #${insightId}`);
    expect(mail.text).toContain(`Idee: ein leiserer Lüfter für den BX-400 [${run}]`);
    expect(mail.html).toBeTruthy();
    const link = `${baseURL}/insights/${insightId}`;
    expect(mail.text).toContain(link);
    const { context, page } = await as(browser, "rnd");
    await page.goto(link);
    await expect(page).toHaveURL(new RegExp(`/insights/${insightId}$`));
    await expect(page.getByText(`Idee: ein leiserer Lüfter für den BX-400 [${run}]`).first()).toBeVisible();
    await context.close();
  });

  test("with the digest chosen on the profile page, the next insight is in the list but not mailed singly", async ({ browser, request }) => {
    const { context, page } = await as(browser, "rnd");
    await page.goto("/notifications");
    await page.getByRole("link", { name: "E-Mail-Einstellungen" }).click();
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole("heading", { name: "Profil und Benachrichtigungen" })).toBeVisible();
    const routed = page.getByRole("group", { name: "Neuer Hinweis für Ihre Abteilung" });
    await expect(routed.getByLabel("sofort")).toBeChecked();
    await routed.getByLabel("tägliche Zusammenfassung (7 Uhr)").check();
    await page.getByRole("button", { name: "Einstellungen speichern" }).click();
    await expect(page.getByText("Gespeichert – 1 geändert.")).toBeVisible();
    await expectNoA11yViolations(page);
    await page.reload();
    await expect(page.getByRole("group", { name: "Neuer Hinweis für Ihre Abteilung" }).getByLabel("tägliche Zusammenfassung (7 Uhr)")).toBeChecked();

    try {
      const res = await post(request, `notify-digest-${run}`, `Idee: ein Staubfilter für den BX-400 [${run}-digest]`);
      expect(res.status()).toBe(201);
      const digestId = (await res.json()).data.items[0].id as number;
      await expect(async () => {
        await page.goto("/notifications");
        await expect(page.getByText(`[${run}-digest]`)).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 60_000 });
      // The notification and its mail would be written together; give a mail job time to send it.
      await page.waitForTimeout(5000);
      expect(mailbox.find(ROLES.rnd, `#${digestId}`)).toHaveLength(0);
    } finally {
      await page.goto("/profile");
      await page.getByRole("group", { name: "Neuer Hinweis für Ihre Abteilung" }).getByLabel("sofort").check();
      await page.getByRole("button", { name: "Einstellungen speichern" }).click();
      await expect(page.getByText("Gespeichert – 1 geändert.")).toBeVisible();
    }
    await context.close();
  });

  test("the profile page fits a phone and speaks English", async ({ browser }) => {
    const { context, page } = await as(browser, "employee");
    await page.setViewportSize(PHONE);
    await page.goto("/profile");
    await expectNoHorizontalOverflow(page);
    await expectNoA11yViolations(page);
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Profile and notifications" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Due soon" }).getByLabel("daily digest (7 am)")).toBeVisible();
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
