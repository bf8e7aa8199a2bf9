import type { Advocate } from "@/db/schema";
import { COMPANY_TIME_ZONE } from "@/lib/insights/local-time";

/** A day as an `<input type="date">` holds it, in company time. */
export function dayInput(d: Date | null): string {
  return d ? new Intl.DateTimeFormat("en-CA", { timeZone: COMPANY_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(d) : "";
}

/** An advocate as the register's form shows it (platforms one per line, topics comma-separated). */
export function advocateFormValues(a: Advocate) {
  return {
    id: a.id,
    kind: a.kind,
    userId: a.userId,
    name: a.name,
    email: a.email,
    platforms: a.platforms.map((p) => `${p.platform}: ${p.handle}`).join("\n"),
    languages: a.languages,
    topics: a.topics.join(", "),
    consentAt: dayInput(a.consentAt),
    consentScope: a.consentScope ?? "",
    consentMethod: a.consentMethod ?? "",
    consentExpiresAt: dayInput(a.consentExpiresAt),
    note: a.note ?? "",
  };
}
