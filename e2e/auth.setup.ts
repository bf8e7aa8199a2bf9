import fs from "node:fs";
import path from "node:path";
import { test as setup } from "@playwright/test";
import { PASSWORD, ROLES, type RoleKey, storageFor } from "./fixtures";
import { LoginPage } from "./pages/login-page";

for (const role of Object.keys(ROLES) as RoleKey[]) {
  setup(`log in as ${role}`, async ({ page }) => {
    fs.mkdirSync(path.dirname(storageFor(role)), { recursive: true });
    await new LoginPage(page).loginAs(ROLES[role], PASSWORD);
    await page.context().storageState({ path: storageFor(role) });
  });
}
