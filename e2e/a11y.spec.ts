import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { PHONE } from "./a11y";
import { ROLES, type RoleKey, storageFor } from "./fixtures";

/**
 * Every page each role can reach, at a desktop width and on a 390 px phone: zero axe violations of
 * any impact (WCAG 2.1 A/AA and best practices) and nothing wider than the viewport. Pages are
 * found by following the links each role sees, from its home page two clicks deep, one page per
 * route shape (/kpis/7 and /kpis/9 are the same page), so a new page is scanned without being
 * listed here. Each test collects every finding and reports them together.
 */

const DESKTOP = { width: 1440, height: 900 };
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const MAX_PAGES = 40;

/**
 * /kpis/12/edit → /kpis/:id/edit, /departments/vertrieb → /departments/:slug; the query string is
 * part of the shape only by its keys.
 */
function shapeOf(url: URL): string {
  const path = url.pathname
    .replace(/\/\d+(?=\/|$)/g, "/:id")
    .replace(/^\/departments\/[^/]+/, "/departments/:slug")
    .replace(/\/$/, "");
  const keys = [...new Set(url.searchParams.keys())].filter((k) => k !== "page").sort();
  return keys.length ? `${path}?${keys.join("&")}` : path;
}

async function linksOn(page: Page): Promise<string[]> {
  return page.$$eval("a[href]", (as) =>
    as
      .filter((a) => !a.hasAttribute("download") && (a as HTMLAnchorElement).target !== "_blank")
      .map((a) => (a as HTMLAnchorElement).href),
  );
}

/** Axe findings, a missing title and sideways overflow at the page's current viewport. */
async function findingsHere(page: Page, path: string, label: string): Promise<string[]> {
  const out: string[] = [];
  const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).options({ resultTypes: ["violations"] }).analyze();
  for (const v of axe.violations) {
    out.push(`${path} (${label}): ${v.id} (${v.impact}) – ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
  }
  const width = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  if (width[0] > width[1]) out.push(`${path} (${label}): ${width[0]} px wide at a ${width[1]} px viewport`);
  return out;
}

/** Opens `path` and judges it: the status, the title, one named h1, and findingsHere at the page's viewport. */
async function findingsOn(page: Page, path: string, label: string): Promise<string[]> {
  const response = await page.goto(path);
  await page.waitForLoadState("networkidle").catch(() => {});
  const out: string[] = [];
  if (response && response.status() >= 500) out.push(`${path} (${label}): answered ${response.status()}`);
  if (!(await page.title())) out.push(`${path} (${label}): no <title>`);
  const h1 = await page.$$eval("h1", (hs) => hs.filter((h) => (h as HTMLElement).offsetParent !== null).map((h) => h.textContent?.trim() ?? ""));
  if (h1.length !== 1 || !h1[0]) out.push(`${path} (${label}): ${h1.length} visible h1 (${h1.join(" | ")}), one with a text expected`);
  out.push(...(await findingsHere(page, path, label)));
  return out;
}

/**
 * Views of one page whose layout differs enough to be judged as well, queued when the crawl finds
 * the page: the overview's quarter with the comparison column, a KPI's chart over a quarter opened
 * from the overview, the channel matrix turned around.
 */
const VARIANTS: Record<string, string> = {
  "/overview": "period=quarter&compare=1",
  "/kpis/:id": "window=quarter&from=overview",
  "/channels/matrix": "rows=channels",
};

// One head stands for all four: their pages differ by department, not by what is on them. The
// works council's member stands for the sign-off functions (her desk, a guideline under review).
const SCANNED: RoleKey[] = ["admin", "manager", "rnd", "exec", "employee", "worksCouncil"];

for (const role of SCANNED) {
  test.describe(`${role}'s pages`, () => {
    test.use({ storageState: storageFor(role), viewport: DESKTOP });

    test("pass axe and fit the screen, on a desktop and on a phone", async ({ page, context, baseURL }) => {
      // Each page is judged at both widths at once, in two tabs: axe is the slow part (seconds per
      // page), and two tabs are two renderer processes, so both cores work.
      test.setTimeout(600_000);
      const phone = await context.newPage();
      await phone.setViewportSize(PHONE);
      // Next.js prefetches every link in view; a crawl that only judges the page it opened would
      // otherwise wait for dozens of server renders per page before the network is idle.
      for (const p of [page, phone]) {
        await p.route("**/*", (route) => (route.request().headers()["next-router-prefetch"] ? route.abort() : route.continue()));
      }
      const origin = new URL(baseURL!).origin;
      await page.goto("/");
      const start = new URL(page.url());
      const seen = new Set<string>([shapeOf(start).split("?")[0]]);
      // Breadth first from the home page, two clicks deep: each page is scanned where it is found.
      let frontier = [start.pathname + start.search];
      const startVariant = VARIANTS[shapeOf(start).split("?")[0]];
      if (startVariant) frontier.push(`${start.pathname}?${startVariant}`);
      const titles = new Map<string, string>();
      const findings: string[] = [];
      let scanned = 0;
      const scannedPaths: string[] = [];
      for (let depth = 0; depth <= 2 && frontier.length; depth++) {
        const next: string[] = [];
        for (let path of frontier) {
          const [onDesktop, onPhone] = await Promise.all([findingsOn(page, path, "desktop"), findingsOn(phone, path, "phone")]);
          findings.push(...onDesktop, ...onPhone);
          scanned++;
          // A redirect (/admin → /admin/users) lands on a page already seen: judge where it landed.
          const landed = new URL(page.url());
          path = landed.pathname + landed.search;
          scannedPaths.push(path);
          const title = await page.title();
          const earlier = titles.get(title);
          // Detail pages of one kind differ by name; list and form pages must differ by title. The
          // same page with another query (/kpis/23 and /kpis/23?window=month, say, reached through a
          // notification's redirect) is still that page.
          const pathShape = (p: string) => shapeOf(new URL(p, baseURL)).split("?")[0];
          if (earlier && pathShape(path) !== pathShape(earlier)) {
            findings.push(`${path}: same <title> as ${earlier} („${title}“)`);
          }
          titles.set(title, path);
          if (depth === 2) continue;
          for (const href of await linksOn(page)) {
            const url = new URL(href);
            if (url.origin !== origin || url.pathname.startsWith("/api/") || url.pathname === "/login") continue;
            // Query variants of a page (filters, sort, a KPI's window) add little beyond the page
            // itself: one of them is judged, whichever is found first (and the VARIANTS below).
            const shape = shapeOf(url).split("?")[0];
            if (seen.has(shape) || seen.size >= MAX_PAGES) continue;
            seen.add(shape);
            next.push(url.pathname + url.search);
            const variant = VARIANTS[shape];
            if (variant && !seen.has(`${shape}?variant`)) {
              seen.add(`${shape}?variant`);
              next.push(`${url.pathname}?${variant}`);
            }
          }
        }
        frontier = next;
      }
      test.info().annotations.push({ type: "scanned", description: scannedPaths.join(" ") });
      expect(scanned, `pages found for ${ROLES[role]}`).toBeGreaterThan(1);
      expect(findings, `${scanned} pages scanned`).toEqual([]);
    });
  });
}

test("the login page passes axe and fits a phone", async ({ page }) => {
  for (const [label, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    await page.setViewportSize(viewport);
    expect(await findingsOn(page, "/login", label)).toEqual([]);
  }
});
