import { expect, type Page, test } from "@playwright/test";
import { PASSWORD, ROLES, storageFor } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { actionIdFor, callAction } from "./pages/server-action";

const NAV_DE = {
  overview: "Überblick",
  guidelines: "Leitfäden",
  channels: "Kanäle",
  kpis: "Kennzahlen",
  measures: "Maßnahmen",
  insights: "Hinweise",
  alerts: "Warnungen",
  crisis: "Krisen",
  admin: "Administration",
};

const EXPECTED_NAV: Record<keyof typeof ROLES, (keyof typeof NAV_DE)[]> = {
  admin: ["overview", "guidelines", "channels", "kpis", "insights", "alerts", "admin"],
  manager: ["overview", "guidelines", "channels", "kpis", "measures", "insights", "alerts", "crisis"],
  rnd: ["overview", "guidelines", "channels", "kpis", "measures", "insights", "alerts", "crisis"],
  service: ["overview", "guidelines", "channels", "kpis", "measures", "insights", "alerts", "crisis"],
  hr: ["overview", "guidelines", "channels", "kpis", "measures", "insights", "alerts", "crisis"],
  sales: ["overview", "guidelines", "channels", "kpis", "measures", "insights", "alerts", "crisis"],
  exec: ["overview", "guidelines", "channels", "kpis", "measures", "alerts", "crisis"],
  employee: ["guidelines", "channels"],
  worksCouncil: ["guidelines", "channels"],
};

function mainNav(page: Page) {
  return page.getByRole("navigation", { name: "Hauptnavigation" });
}

test("the health check reports the embedded database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "pglite" });
  expect(res.headers()["x-frame-options"]).toBe("DENY");
});

test.describe("login and navigation per role", () => {
  for (const [role, email] of Object.entries(ROLES) as [keyof typeof ROLES, string][]) {
    test(`${role} logs in and sees exactly their sections`, async ({ page }) => {
      await new LoginPage(page).loginAs(email, PASSWORD);
      const links = mainNav(page).getByRole("link");
      await expect(links).toHaveText(EXPECTED_NAV[role].map((k) => new RegExp(`^${NAV_DE[k]}`)));
    });
  }

  test("a wrong password shows an error and stays on the login page", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.login("manager@example.com", "not-the-password");
    await expect(login.error()).toHaveText("E-Mail-Adresse oder Passwort ist falsch.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("repeated failures are throttled with a clear message", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    for (let i = 0; i < 5; i++) {
      await login.login("exec.throttle@example.com", `wrong-${i}`);
      await expect(login.error()).toContainText("falsch");
    }
    await login.login("exec.throttle@example.com", "wrong-again");
    await expect(login.error()).toContainText("Zu viele fehlgeschlagene Anmeldeversuche");
  });

  test("anonymous visitors are sent to the login page", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  });
});

test.describe("forbidden paths for an employee", () => {
  test.use({ storageState: storageFor("employee") });

  test("opening an admin page answers 403", async ({ page }) => {
    const res = await page.goto("/admin/users");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
  });

  test("the admin API answers 403 JSON", async ({ page }) => {
    const res = await page.request.get("/api/v1/users");
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  });

  test("calling the admin create-user server action answers 403 and creates nobody", async ({ page, browser }) => {
    // Take the action id from the admin's own form, as anyone who can read that page could.
    const adminCtx = await browser.newContext({ storageState: storageFor("admin") });
    const actionId = actionIdFor(await (await adminCtx.request.get("/admin/users/new")).text(), "password");
    const fields = (email: string) => ({ name: email.split("@")[0], email, password: "intruder-password", role: "admin", departmentId: "", locale: "de" });

    const res = await callAction(page.request, "/admin/users/new", actionId, fields("intruder@example.com"));
    expect(res.status()).toBe(403);

    // The same call by the admin creates the user, which shows the request itself was valid.
    const control = await callAction(adminCtx.request, "/admin/users/new", actionId, fields("control.user@example.com"));
    expect(control.status()).toBe(200);

    const check = async (q: string) => (await (await adminCtx.request.get(`/api/v1/users?q=${q}`)).json()).total;
    expect(await check("intruder")).toBe(0);
    expect(await check("control.user")).toBe(1);
    await adminCtx.close();
  });
});

test.describe("administration", () => {
  test.use({ storageState: storageFor("admin") });

  test("admin creates a user who can then log in", async ({ page, browser }) => {
    await page.goto("/admin/users/new");
    await page.getByLabel("Name").fill("Clara Vogt");
    await page.getByLabel("E-Mail-Adresse").fill("clara.vogt@example.com");
    await page.getByLabel("Anfangspasswort").fill("clara-password-1");
    await page.getByLabel("Rolle").selectOption("manager");
    await page.getByLabel("Abteilung").selectOption({ label: "Marketing" });
    await page.getByRole("button", { name: "Anlegen" }).click();
    await expect(page.locator('[role="status"][data-notice]')).toContainText("clara.vogt@example.com wurde angelegt");

    const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const p = await ctx.newPage();
    await new LoginPage(p).loginAs("clara.vogt@example.com", "clara-password-1");
    await expect(p.getByRole("button", { name: "Benutzermenü" })).toContainText("Clara Vogt");
    await ctx.close();
  });

  test("form errors are shown per field and nothing is created", async ({ page }) => {
    await page.goto("/admin/users/new");
    await page.getByLabel("Name").fill("Ohne Mail");
    await page.getByLabel("E-Mail-Adresse").fill("keine-mail");
    await page.getByLabel("Anfangspasswort").fill("kurz");
    await page.getByLabel("Rolle").selectOption("manager");
    await page.getByLabel("Abteilung").selectOption({ label: "Vertrieb" });
    await page.getByRole("button", { name: "Anlegen" }).click();
    await expect(page.getByText("Bitte eine gültige E-Mail-Adresse eingeben.")).toBeVisible();
    // Nothing typed or chosen is lost on a failed submit.
    await expect(page.getByLabel("Rolle")).toHaveValue("manager");
    await expect(page.getByLabel("Abteilung").locator("option:checked")).toHaveText("Vertrieb");
    await expect(page.getByLabel("E-Mail-Adresse")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Name")).toHaveValue("Ohne Mail");
    const res = await page.request.get("/api/v1/users?q=Ohne%20Mail");
    expect((await res.json()).total).toBe(0);
  });

  test("a deactivated user cannot log in, and the change is in the audit log", async ({ page, browser }) => {
    await page.goto("/admin/users/new");
    await page.getByLabel("Name").fill("Kai Ende");
    await page.getByLabel("E-Mail-Adresse").fill("kai.ende@example.com");
    await page.getByLabel("Anfangspasswort").fill("kai-password-12");
    await page.getByRole("button", { name: "Anlegen" }).click();
    await expect(page.locator('[role="status"][data-notice]')).toContainText("angelegt");

    await page.goto("/admin/users?q=kai.ende");
    await page.getByRole("link", { name: "Kai Ende" }).click();
    await page.getByLabel("Aktiv").uncheck();
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page.locator('[role="status"][data-notice]')).toHaveText("Änderungen gespeichert.");

    const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const p = await ctx.newPage();
    const login = new LoginPage(p);
    await login.goto();
    await login.login("kai.ende@example.com", "kai-password-12");
    await expect(login.error()).toContainText("deaktiviert");
    await ctx.close();

    await page.goto("/admin/audit?entity=user");
    await expect(page.getByRole("cell", { name: "user.update" }).first()).toBeVisible();
  });

  test("admin creates a department with a head", async ({ page }) => {
    await page.goto("/admin/departments");
    const form = page.locator("form").filter({ has: page.getByLabel("Kürzel (URL)") });
    await form.getByLabel("Name").fill("Qualitätssicherung");
    await form.getByLabel("Kürzel (URL)").fill("qualitaet");
    await form.getByLabel("Art").selectOption("production");
    await form.getByLabel("Leitung").selectOption({ label: "Uwe Zimmermann" });
    await form.getByRole("button", { name: "Anlegen" }).click();
    await expect(page.locator('[role="status"][data-notice]')).toContainText("Qualitätssicherung wurde angelegt");
    await expect(page.getByRole("row", { name: /Qualitätssicherung/ })).toContainText("Uwe Zimmermann");
  });
});

test.describe("language and logout", () => {
  test.use({ storageState: storageFor("manager") });

  test("switching to English changes the interface, and back", async ({ page }) => {
    await page.goto("/channels");
    await page.getByRole("button", { name: "Benutzermenü" }).click();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Channels" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // The menu stays open after the switch, now labelled in English.
    await expect(page.getByRole("button", { name: "User menu" })).toHaveAttribute("aria-expanded", "true");
    await page.getByRole("button", { name: "Deutsch" }).click();
    await expect(mainNav(page).getByRole("link", { name: "Kanäle" })).toBeVisible();
  });
});

test.describe("logout", () => {
  test("logging out ends the session", async ({ page }) => {
    await new LoginPage(page).loginAs(ROLES.exec, PASSWORD);
    await page.getByRole("button", { name: "Benutzermenü" }).click();
    await page.getByRole("button", { name: "Abmelden", exact: true }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/overview");
    await expect(page).toHaveURL(/\/login/);
  });
});
