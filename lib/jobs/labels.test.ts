import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { appJobs } from "./registry";

// Admin → Jobs names each queue by `admin.jobs.queueLabel.<name with _>` and says when a scheduled one runs.
describe("job names in Admin → Jobs", () => {
  const key = (name: string) => name.replace(/\./g, "_");
  for (const locale of ["de", "en"] as const) {
    it(`has a label for every job and a schedule text for every scheduled one (${locale})`, () => {
      const jobs = MESSAGES[locale].admin.jobs as { queueLabel: Record<string, string>; scheduleText: Record<string, string> };
      expect(appJobs().filter((j) => !jobs.queueLabel[key(j.name)]).map((j) => j.name)).toEqual([]);
      expect(appJobs().filter((j) => j.schedule && !jobs.scheduleText[key(j.name)]).map((j) => j.name)).toEqual([]);
    });
  }
});
