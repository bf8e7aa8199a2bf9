import { expect, test } from "@playwright/test";
import { storageFor } from "./fixtures";

// The calendar-edge passes of scripts/test-all.mjs run Playwright and the app under `faketime`;
// this spec makes sure the server really sees the same day as the test code (otherwise those
// passes would quietly test the real date). It holds on every day, so it runs in every pass.

/** The company's calendar day (Europe/Berlin) of an instant, as yyyy-MM-dd. */
function berlinDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

test("the app's today is the test clock's day in Berlin: the overview opens on that month", async ({ browser }) => {
  const before = berlinDay(new Date());
  const page = await browser.newPage({ storageState: storageFor("exec") });

  const res = await page.request.get("/api/overview?period=month");
  expect(res.status()).toBe(200);
  const { data } = (await res.json()) as { data: { window: { start: string; end: string } } };
  const after = berlinDay(new Date());
  // Either side of a midnight that passes during the request.
  const month = [before, after].map((d) => `${d.slice(0, 7)}-01`);
  expect(month).toContain(data.window.start);

  await page.goto("/overview");
  const label = (day: string) =>
    new Intl.DateTimeFormat("de-DE", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
  await expect(page.getByTestId("overview-window")).toHaveText(new RegExp(month.map(label).join("|")));
  await page.close();
});
