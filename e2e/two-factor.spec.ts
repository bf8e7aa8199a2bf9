import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { pageFor } from "./fixtures";
import { totpCode } from "../lib/auth/totp";

// Codes are computed from the secret the page shows, on the clock the server shares with this
// runner. A code counts once per 30-second step, so each sign-in takes the code of a later step
// than the one before (the server accepts one step either side).
const codeAt = (secret: string, stepsAhead: number) => totpCode(secret, new Date(Date.now() + stepsAhead * 30_000));

async function createEmployee(browser: Browser, name: string, email: string, password: string) {
  const admin = await pageFor(browser, "admin");
  await admin.goto("/admin/users/new");
  await admin.getByLabel("Name").fill(name);
  await admin.getByLabel("E-Mail-Adresse").fill(email);
  await admin.getByLabel("Anfangspasswort").fill(password);
  await admin.getByLabel("Rolle").selectOption("employee");
  await admin.getByRole("button", { name: "Anlegen" }).click();
  await expect(admin.locator('[role="status"][data-notice]')).toContainText(`${email} wurde angelegt`);
  await admin.context().close();
}

/** Fills the login form; with `code`, answers the second step too. */
async function signIn(page: Page, email: string, password: string, code?: string) {
  await page.goto("/login");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel(/^Passwort$/).fill(password);
  await page.getByRole("button", { name: /^Anmelden$/ }).click();
  if (code === undefined) return;
  await expect(page.locator('[role="alert"][data-notice="error"]')).toContainText("zusätzlich den Code");
  await page.getByLabel("Code aus der Authenticator-App").fill(code);
  await page.getByRole("button", { name: /^Anmelden$/ }).click();
}

/** Sets up two-factor authentication on /two-factor and returns the secret and the recovery codes. */
async function setUp(page: Page): Promise<{ secret: string; codes: string[] }> {
  await page.getByRole("button", { name: "Einrichtung beginnen" }).click();
  await expect(page.getByRole("img", { name: "QR-Code für die Authenticator-App" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("Code aus der App").fill(codeAt(secret, 0));
  await page.getByRole("button", { name: "Bestätigen und einschalten" }).click();
  await expect(page.getByText("Die Zwei-Faktor-Authentifizierung ist eingeschaltet.")).toBeVisible();
  const list = page.getByRole("list", { name: "Ihre Wiederherstellungscodes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  return { secret, codes: (await list.getByRole("listitem").allTextContents()).map((c) => c.trim()) };
}

test.describe("two-factor authentication", () => {
  test("set up from the profile, then sign in with a code and with a recovery code; an admin resets it", async ({ browser }) => {
    await createEmployee(browser, "Tina Zweifaktor", "tina.zf@example.com", "tina-password-1");
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, "tina.zf@example.com", "tina-password-1");
    await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeVisible();
    await page.goto("/profile");
    await page.getByRole("link", { name: "ausgeschaltet – einrichten" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zwei-Faktor-Authentifizierung");
    await expectNoA11yViolations(page);
    const { secret, codes } = await setUp(page);
    await expectNoA11yViolations(page);

    // The password alone no longer signs in; a wrong code is refused; the app's code is taken.
    await ctx.clearCookies();
    await signIn(page, "tina.zf@example.com", "tina-password-1", "000000");
    await expect(page.locator('[role="alert"][data-notice="error"]')).toContainText("stimmt nicht oder wurde schon verwendet");
    await page.getByLabel("Code aus der Authenticator-App").fill(codeAt(secret, 1));
    await page.getByRole("button", { name: /^Anmelden$/ }).click();
    await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeVisible();

    // A recovery code works once.
    await ctx.clearCookies();
    await signIn(page, "tina.zf@example.com", "tina-password-1", codes[0]);
    await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeVisible();
    await page.goto("/two-factor");
    await expect(page.getByText("Noch 9 Wiederherstellungscodes übrig.")).toBeVisible();
    await ctx.clearCookies();
    await signIn(page, "tina.zf@example.com", "tina-password-1", codes[0]);
    await expect(page.locator('[role="alert"][data-notice="error"]')).toContainText("stimmt nicht oder wurde schon verwendet");
    await ctx.close();

    // Lost phone and codes: the admin resets it, after a confirmation.
    const admin = await pageFor(browser, "admin");
    await admin.goto("/admin/users?q=tina.zf");
    await admin.getByRole("link", { name: "Tina Zweifaktor" }).click();
    await expect(admin.getByText("Eingeschaltet (9 Wiederherstellungscodes übrig).")).toBeVisible();
    admin.once("dialog", (d) => d.accept());
    await admin.getByRole("button", { name: "Zwei-Faktor zurücksetzen" }).click();
    await expect(admin.getByText("Ausgeschaltet.")).toBeVisible();
    await admin.context().close();

    const again = await browser.newContext();
    const p = await again.newPage();
    await signIn(p, "tina.zf@example.com", "tina-password-1");
    await expect(p.getByRole("navigation", { name: "Hauptnavigation" })).toBeVisible();
    await again.close();
  });

  test("a role that requires it: the next password sign-in waits at the set-up", async ({ browser }) => {
    await createEmployee(browser, "Udo Pflicht", "udo.pflicht@example.com", "udo-password-1");
    const admin = await pageFor(browser, "admin");
    const requirement = async (on: boolean) => {
      await admin.goto("/admin/sso");
      const box = admin.getByRole("group", { name: "Anmeldung mit Passwort nur mit zweitem Faktor für" }).getByLabel("Mitarbeitende");
      if (on) await box.check();
      else await box.uncheck();
      await admin.getByRole("button", { name: "Speichern" }).last().click();
      await expect(admin.getByText("Zwei-Faktor-Pflicht gespeichert.")).toBeVisible();
    };
    await requirement(true);
    try {
      const ctx = await browser.newContext({ viewport: PHONE });
      const page = await ctx.newPage();
      await signIn(page, "udo.pflicht@example.com", "udo-password-1");
      await expect(page).toHaveURL(/\/two-factor/);
      await expect(page.getByText("Für Ihre Rolle ist die Zwei-Faktor-Authentifizierung vorgeschrieben.")).toBeVisible();
      await expectNoHorizontalOverflow(page);
      // Nothing else opens until it is set up.
      await page.goto("/guidelines");
      await expect(page).toHaveURL(/\/two-factor/);
      await setUp(page);
      await page.getByRole("link", { name: "Weiter zum Dashboard" }).click();
      // On a phone the main navigation sits behind the menu button.
      await expect(page.getByRole("link", { name: /^Benachrichtigungen/ })).toBeVisible();
      await expect(page).not.toHaveURL(/two-factor/);
      await expectNoHorizontalOverflow(page);
      await ctx.close();
    } finally {
      await requirement(false);
      await admin.context().close();
    }
  });
});
