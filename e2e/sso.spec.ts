import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, expect, type Page, request, test } from "@playwright/test";
import { expectNoA11yViolations, expectNoHorizontalOverflow, PHONE } from "./a11y";
import { appServerEnv, startAppServer } from "./app-server";
import { PASSWORD, pageFor } from "./fixtures";
import { type DirectoryAccount, startDirectory } from "./oidc-idp";

// The suite's app server maps the directory's groups by OIDC_GROUP_MAP (e2e/app-server.ts):
// sm-team → manager, service-leads → head of Kundenservice.
const SSO_BUTTON = "Mit Firmenkonto (Testverzeichnis) anmelden";

const accounts: Record<string, DirectoryAccount> = {
  lena: { email: "lena.berg@example.com", name: "Lena Berg", groups: ["service-leads", "all-staff"] },
  otto: { email: "otto.gast@example.com", name: "Otto Gast", groups: ["visitors"] },
};

let directory: Awaited<ReturnType<typeof startDirectory>>;
// A second app server with LOCAL_LOGIN=false (the last test) listens here.
const ssoOnlyPort = Number(process.env.E2E_PORT || 3210) + 3000;

test.beforeAll(async () => {
  directory = await startDirectory(accounts, [`http://127.0.0.1:${ssoOnlyPort}`]);
});
test.afterAll(async () => {
  await directory?.close();
});

/** Signs in through the directory in a fresh browser context, as `login` (its development form takes any password). */
async function signInWithDirectory(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByRole("button", { name: SSO_BUTTON }).click();
  await page.waitForURL((u) => u.port === String(directory.port));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("directory-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.waitForURL((u) => u.port !== String(directory.port));
  return page;
}

test.describe("single sign-on with the company directory", () => {
  test("a person of a mapped group enters in that role and department, created on first sign-in", async ({ browser }) => {
    const page = await signInWithDirectory(browser, "lena");
    await expect(page).toHaveURL(/\/insights/);
    await expect(page.getByRole("button", { name: /^Lena Berg\s*, Benutzermenü$/ })).toBeVisible();
    await page.goto("/profile");
    await expect(page.getByRole("main").getByText("Abteilungsleitung", { exact: true })).toBeVisible();
    await page.context().close();

    const admin = await pageFor(browser, "admin");
    await admin.goto("/admin/users?q=lena.berg");
    const row = admin.getByRole("row").filter({ hasText: "lena.berg@example.com" });
    await expect(row).toContainText("Kundenservice");
    await expect(row).toContainText("Abteilungsleitung");
    await admin.context().close();
  });

  test("a person of no mapped group is refused with a clear message and gets no account", async ({ browser }) => {
    const page = await signInWithDirectory(browser, "otto");
    await expect(page).toHaveURL(/\/login\?error=sso_unmapped/);
    await expect(page.locator('[role="alert"][data-notice="error"]')).toContainText("keiner Gruppe, die für dieses Werkzeug freigegeben ist");
    await expectNoA11yViolations(page);
    await page.context().close();

    const admin = await pageFor(browser, "admin");
    await admin.goto("/admin/users?q=otto.gast");
    await expect(admin.getByRole("row").filter({ hasText: "otto.gast@example.com" })).toHaveCount(0);
    await admin.context().close();
  });

  test("a change of groups in the directory counts from the next sign-in", async ({ browser }) => {
    directory.setGroups("lena", ["service-leads", "sm-team"]);
    const page = await signInWithDirectory(browser, "lena");
    await page.goto("/profile");
    await expect(page.getByRole("main").getByText("Social-Media-Management", { exact: true })).toBeVisible();
    await page.context().close();
    directory.setGroups("lena", ["service-leads"]);
  });

  test("admins map groups to roles in Admin → Single sign-on", async ({ browser }) => {
    const page = await pageFor(browser, "admin");
    await page.goto("/admin/sso");
    // The preset from OIDC_GROUP_MAP, applied at start.
    await expect(page.getByRole("row").filter({ hasText: "sm-team" })).toContainText("Social-Media-Management");
    await expect(page.getByText("/api/auth/callback/oidc")).toBeVisible();
    await expectNoA11yViolations(page);

    // A department head needs a department.
    await page.getByLabel("Gruppe im Verzeichnis").fill("rnd-leads");
    await page.getByLabel("Rolle", { exact: true }).selectOption("department_head");
    await page.getByRole("button", { name: "Zuordnen" }).click();
    await expect(page.locator('[role="alert"][data-notice="error"]')).toBeVisible();
    await expect(page.getByText("Bitte ausfüllen.")).toBeVisible();

    await page.getByLabel("Abteilung", { exact: true }).selectOption({ label: "Forschung & Entwicklung" });
    await page.getByRole("button", { name: "Zuordnen" }).click();
    await expect(page.locator('[role="status"][data-notice="success"]')).toContainText("Gruppe „rnd-leads“ zugeordnet");
    const row = page.getByRole("row").filter({ hasText: "rnd-leads" });
    await expect(row).toContainText("Forschung & Entwicklung");

    // Removing asks first; dismissing keeps the mapping.
    page.once("dialog", (d) => d.dismiss());
    await row.getByRole("button", { name: "Entfernen: rnd-leads" }).click();
    await expect(row).toBeVisible();
    page.once("dialog", (d) => d.accept());
    await row.getByRole("button", { name: "Entfernen: rnd-leads" }).click();
    await expect(page.getByRole("row").filter({ hasText: "rnd-leads" })).toHaveCount(0);
    await page.context().close();

    const phone = await pageFor(browser, "admin", PHONE);
    await phone.goto("/admin/sso");
    await expectNoHorizontalOverflow(phone);
    await phone.context().close();
  });

  test("only admins reach Admin → Single sign-on", async ({ browser }) => {
    const page = await pageFor(browser, "manager");
    const res = await page.goto("/admin/sso");
    expect(res?.status()).toBe(403);
    await page.context().close();
  });

  test("the login page offers the directory beside the password, also on a phone", async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.getByRole("button", { name: SSO_BUTTON })).toBeVisible();
    await expect(page.getByLabel("Passwort")).toBeVisible();
    await expectNoA11yViolations(page);
    await expectNoHorizontalOverflow(page);
    await context.close();
  });
});

test.describe("LOCAL_LOGIN=false", () => {
  test.describe.configure({ timeout: 240_000 });

  test("hides the password form, and the credentials endpoint refuses", async ({ browser }) => {
    const port = ssoOnlyPort;
    const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-sso-only-"));
    const env = appServerEnv({
      port,
      pgliteDir,
      smtpPort: Number(process.env.E2E_SMTP_PORT),
      oidcPort: Number(process.env.E2E_OIDC_PORT),
    });
    const server = await startAppServer(port, { ...env, LOCAL_LOGIN: "false" });
    try {
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      await page.goto("/login");
      await expect(page.getByRole("button", { name: SSO_BUTTON })).toBeVisible();
      await expect(page.getByLabel("Passwort")).toHaveCount(0);
      await expect(page.getByLabel("E-Mail-Adresse")).toHaveCount(0);
      await expectNoA11yViolations(page);
      await context.close();

      // A correct password posted straight to next-auth's endpoint signs nobody in.
      const api = await request.newContext({ baseURL: server.url });
      const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const res = await api.post("/api/auth/callback/credentials", {
        form: { email: "manager@example.com", password: PASSWORD, csrfToken, json: "true", callbackUrl: `${server.url}/` },
      });
      expect(res.status()).toBe(401);
      expect(((await res.json()) as { url: string }).url).toContain("error=local_login_disabled");
      expect(await (await api.get("/api/auth/session")).json()).toEqual({});
      await api.dispose();

      // The directory still lets people in.
      const sso = await browser.newContext({ baseURL: server.url });
      const p = await sso.newPage();
      await p.goto("/login");
      await p.getByRole("button", { name: SSO_BUTTON }).click();
      await p.waitForURL((u) => u.port === String(directory.port));
      await p.locator('input[name="login"]').fill("lena");
      await p.locator('input[name="password"]').fill("directory-password");
      await p.getByRole("button", { name: "Sign-in" }).click();
      await expect(p).toHaveURL(new RegExp(`^${server.url}/insights`));
      await sso.close();
    } finally {
      await server.stop();
      fs.rmSync(pgliteDir, { recursive: true, force: true });
    }
  });
});
