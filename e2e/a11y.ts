import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The WCAG 2.1 A/AA rules and axe's best practices: the product's accessibility bar. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * Fails on any axe violation, whatever its impact, naming each rule with the elements it found, so
 * a regression says where it is.
 */
export async function expectNoA11yViolations(page: Page, context = page.url()): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ["violations"] }).analyze();
  const found = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`,
  );
  expect(found, `axe violations on ${context}`).toEqual([]);
}

/** The page is no wider than its viewport (nothing scrolls sideways on a phone). */
export async function expectNoHorizontalOverflow(page: Page, context = page.url()): Promise<void> {
  const { scroll, client, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 && r.width > 0) {
        // Report the outermost offender only: its descendants overflow because it does.
        const parent = el.parentElement?.getBoundingClientRect();
        if (!parent || parent.right <= width + 1) {
          wide.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ").slice(0, 3).join(".")} (${Math.round(r.right)} px)`);
        }
      }
    }
    return { scroll: document.documentElement.scrollWidth, client: width, culprits: wide.slice(0, 5) };
  });
  expect(scroll, `${context} is ${scroll} px wide at a ${client} px viewport: ${culprits.join(", ")}`).toBeLessThanOrEqual(client);
}

export const PHONE = { width: 390, height: 844 } as const;
