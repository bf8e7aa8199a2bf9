import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/**
 * A page's own `<title>` (the root layout appends the product name), so browser tabs, history and
 * screen-reader announcements tell pages apart. Pass a message key, or the already-known name of
 * the thing the page shows (a guideline's title, a KPI's name) with the key of its kind.
 *
 *   export const generateMetadata = () => pageTitle("kpis.title");
 *   export async function generateMetadata({ params }) { … return pageTitle("kpis.detail.title", { name }) }
 */
export async function pageTitle(key: string, values?: Record<string, string | number>): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t(key, values) };
}

/** For a page whose title is data (a guideline's title): "<name> – <kind>". */
export async function namedPageTitle(name: string, kindKey: string): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${name} – ${t(kindKey)}` };
}

/** For a section of a larger area: "<page> – <area>" ("API-Tokens – Administration"). */
export async function sectionPageTitle(key: string, areaKey: string): Promise<Metadata> {
  const t = await getTranslations();
  return namedPageTitle(t(key), areaKey);
}
