import deAdmin from "@/messages/de/admin.json";
import deAlerts from "@/messages/de/alerts.json";
import deAuth from "@/messages/de/auth.json";
import deCommon from "@/messages/de/common.json";
import deCsv from "@/messages/de/csv.json";
import deKpis from "@/messages/de/kpis.json";
import deOverview from "@/messages/de/overview.json";
import deSections from "@/messages/de/sections.json";
import deValidation from "@/messages/de/validation.json";
import enAdmin from "@/messages/en/admin.json";
import enAlerts from "@/messages/en/alerts.json";
import enAuth from "@/messages/en/auth.json";
import enCommon from "@/messages/en/common.json";
import enCsv from "@/messages/en/csv.json";
import enKpis from "@/messages/en/kpis.json";
import enOverview from "@/messages/en/overview.json";
import enSections from "@/messages/en/sections.json";
import enValidation from "@/messages/en/validation.json";
import type { AppLocale } from "./config";

// One file per namespace and language, so each capability owns its own texts.
export const MESSAGES = {
  de: {
    admin: deAdmin,
    alerts: deAlerts,
    auth: deAuth,
    common: deCommon,
    csv: deCsv,
    kpis: deKpis,
    overview: deOverview,
    sections: deSections,
    validation: deValidation,
  },
  en: {
    admin: enAdmin,
    alerts: enAlerts,
    auth: enAuth,
    common: enCommon,
    csv: enCsv,
    kpis: enKpis,
    overview: enOverview,
    sections: enSections,
    validation: enValidation,
  },
} satisfies Record<AppLocale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)["de"];
