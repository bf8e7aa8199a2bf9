import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { ROLES, storageFor } from "./fixtures";

test.describe("Admin → Outbox", () => {
  test.use({ storageState: storageFor("admin") });

  test("without an SMTP server a test mail is kept in the outbox, readable with its link", async ({ page, baseURL }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: "Postausgang" }).click();
    await expect(page).toHaveURL(/\/admin\/outbox$/);
    await expect(page.getByText("Kein SMTP-Server eingerichtet (SMTP_URL)")).toBeVisible();

    await page.getByRole("button", { name: `Testnachricht an ${ROLES.admin} senden` }).click();
    await expect(page.getByText("Die Testnachricht liegt im Postausgang")).toBeVisible();

    const row = page.getByRole("row", { name: /Testnachricht aus dem Social-Media-Koordinations-Dashboard/ }).first();
    await expect(row).toContainText(ROLES.admin);
    await expect(row).toContainText("Aufbewahrt");
    await expect(row).toContainText("test");
    await row.getByText("Text anzeigen").click();
    await expect(row.locator("pre")).toContainText(`${baseURL}/admin/outbox`);
    await expectNoA11yViolations(page);

    // Nothing was sent, so the "sent" filter is empty; the "kept" filter shows the mail.
    await page.getByLabel("Status").selectOption("sent");
    await page.getByRole("button", { name: "Filtern" }).click();
    await expect(page).toHaveURL(/status=sent/);
    await expect(page.getByText("Keine E-Mails mit diesem Status.")).toBeVisible();
    await page.goto("/admin/outbox?status=kept");
    await expect(page.getByRole("row", { name: /Testnachricht aus dem/ }).first()).toBeVisible();
  });

  test("reads well on a phone and in English", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/admin/outbox");
    await expectNoHorizontalOverflow(page);
    await expectNoA11yViolations(page);
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Mail delivery" })).toBeVisible();
    await expect(page.getByText("No SMTP server configured (SMTP_URL)")).toBeVisible();
  });
});

for (const role of ["manager", "employee"] as const) {
  test.describe(`Outbox for a ${role}`, () => {
    test.use({ storageState: storageFor(role) });

    test("answers 403", async ({ page }) => {
      const res = await page.goto("/admin/outbox");
      expect(res?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
      await expect(page.getByText("Postausgang")).toHaveCount(0);
    });
  });
}
