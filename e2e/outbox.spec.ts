import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { ROLES, storageFor } from "./fixtures";
import { startMailbox } from "./smtp";

test.describe("Admin → Outbox", () => {
  test.use({ storageState: storageFor("admin") });

  test("a test mail goes to the configured SMTP server and is listed as sent, with its link", async ({ page, baseURL }) => {
    const mailbox = await startMailbox();
    try {
      await page.goto("/admin");
      await page.getByRole("link", { name: "Postausgang" }).click();
      await expect(page).toHaveURL(/\/admin\/outbox$/);
      await expect(page.getByText(`E-Mails werden über den SMTP-Server 127.0.0.1:${process.env.E2E_SMTP_PORT}`)).toBeVisible();
      await expect(page.getByText(`Links zeigen auf ${baseURL}.`)).toBeVisible();

      await page.getByRole("button", { name: `Testnachricht an ${ROLES.admin} senden` }).click();
      await expect(page.getByText(`Die Testnachricht an ${ROLES.admin} wurde vom SMTP-Server angenommen.`)).toBeVisible();
      await expect.poll(() => mailbox.find(ROLES.admin, "Testnachricht aus dem Social-Media-Koordinations-Dashboard").length).toBe(1);
      const [mail] = mailbox.find(ROLES.admin, "Testnachricht aus dem Social-Media-Koordinations-Dashboard");
      expect(mail.text).toContain(`${baseURL}/admin/outbox`);

      const row = page.getByRole("row", { name: /Testnachricht aus dem Social-Media-Koordinations-Dashboard/ }).first();
      await expect(row).toContainText(ROLES.admin);
      await expect(row).toContainText("Gesendet");
      await expect(row).toContainText("test");
      await row.getByText("Text anzeigen").click();
      await expect(row.locator("pre")).toContainText(`${baseURL}/admin/outbox`);
      await expectNoA11yViolations(page);

      // The "sent" filter shows the mail; nothing is kept when a server is configured.
      await page.getByLabel("Status").selectOption("sent");
      await page.getByRole("button", { name: "Filtern" }).click();
      await expect(page).toHaveURL(/status=sent/);
      await expect(page.getByRole("row", { name: /Testnachricht aus dem/ }).first()).toBeVisible();
    } finally {
      await mailbox.close();
    }
  });

  test("a test mail the SMTP server cannot take stays queued with the error", async ({ page }) => {
    // No mailbox listens now: the connection is refused.
    await page.goto("/admin/outbox");
    await page.getByRole("button", { name: `Testnachricht an ${ROLES.admin} senden` }).click();
    await expect(page.getByText(/Die Testnachricht wurde nicht versendet und bleibt in der Warteschlange:/)).toBeVisible();
  });

  test("reads well on a phone and in English", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/admin/outbox");
    await expectNoHorizontalOverflow(page);
    await expectNoA11yViolations(page);
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Mail delivery" })).toBeVisible();
    await expect(page.getByText(`Mails are sent through the SMTP server 127.0.0.1:${process.env.E2E_SMTP_PORT}`)).toBeVisible();
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
