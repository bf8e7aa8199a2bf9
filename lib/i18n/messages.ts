import deAdmin from "@/messages/de/admin.json";
import deAlerts from "@/messages/de/alerts.json";
import deAuth from "@/messages/de/auth.json";
import deChannels from "@/messages/de/channels.json";
import deConnectors from "@/messages/de/connectors.json";
import deCrisis from "@/messages/de/crisis.json";
import deCommon from "@/messages/de/common.json";
import deCsv from "@/messages/de/csv.json";
import deGuidelines from "@/messages/de/guidelines.json";
import deInsights from "@/messages/de/insights.json";
import deKpis from "@/messages/de/kpis.json";
import deMeasures from "@/messages/de/measures.json";
import deNotifications from "@/messages/de/notifications.json";
import deOverview from "@/messages/de/overview.json";
import dePrivacy from "@/messages/de/privacy.json";
import deValidation from "@/messages/de/validation.json";
import enAdmin from "@/messages/en/admin.json";
import enAlerts from "@/messages/en/alerts.json";
import enAuth from "@/messages/en/auth.json";
import enChannels from "@/messages/en/channels.json";
import enConnectors from "@/messages/en/connectors.json";
import enCrisis from "@/messages/en/crisis.json";
import enCommon from "@/messages/en/common.json";
import enCsv from "@/messages/en/csv.json";
import enGuidelines from "@/messages/en/guidelines.json";
import enInsights from "@/messages/en/insights.json";
import enKpis from "@/messages/en/kpis.json";
import enMeasures from "@/messages/en/measures.json";
import enNotifications from "@/messages/en/notifications.json";
import enOverview from "@/messages/en/overview.json";
import enPrivacy from "@/messages/en/privacy.json";
import enValidation from "@/messages/en/validation.json";
import type { AppLocale } from "./config";

// One file per namespace and language, so each capability owns its own texts.
export const MESSAGES = {
  de: {
    admin: deAdmin,
    alerts: deAlerts,
    auth: deAuth,
    channels: deChannels,
    connectors: deConnectors,
    crisis: deCrisis,
    common: deCommon,
    csv: deCsv,
    guidelines: deGuidelines,
    insights: deInsights,
    kpis: deKpis,
    measures: deMeasures,
    notifications: deNotifications,
    overview: deOverview,
    privacy: dePrivacy,
    validation: deValidation,
  },
  en: {
    admin: enAdmin,
    alerts: enAlerts,
    auth: enAuth,
    channels: enChannels,
    connectors: enConnectors,
    crisis: enCrisis,
    common: enCommon,
    csv: enCsv,
    guidelines: enGuidelines,
    insights: enInsights,
    kpis: enKpis,
    measures: enMeasures,
    notifications: enNotifications,
    overview: enOverview,
    privacy: enPrivacy,
    validation: enValidation,
  },
} satisfies Record<AppLocale, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)["de"];
