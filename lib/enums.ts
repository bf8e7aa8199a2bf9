/**
 * The value lists of every database enum and the other closed lists (and a few limits) both sides
 * need, with their union types. Dependency-free on purpose: client components import from here, and db/schema.ts
 * builds its `pgEnum`s from these arrays, so a list exists once and the browser bundle never
 * carries the schema (drizzle) or the validation (zod) code. The order of each database list is
 * the order of the enum's values in PostgreSQL; adding a value needs a migration
 * (`npm run db:generate`).
 */

// ─── People, departments ─────────────────────────────────────────────────────

export const ROLES = ["admin", "manager", "department_head", "executive", "employee"] as const;
export type Role = (typeof ROLES)[number];

export const DEPARTMENT_KINDS = [
  "rnd",
  "service",
  "hr",
  "sales",
  "marketing",
  "communications",
  "finance",
  "production",
  "other",
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const LOCALES = ["de", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** The functions that sign guideline versions off; a user may hold any of them. */
/** `communications` signs off holding statements (the crisis room's pre-agreed words) with legal. */
export const SIGNOFF_FUNCTIONS = ["legal", "data_protection", "works_council", "communications"] as const;
export type SignoffFunction = (typeof SIGNOFF_FUNCTIONS)[number];

// ─── Channels ────────────────────────────────────────────────────────────────

export const PLATFORMS = [
  "facebook",
  "instagram",
  "x",
  "linkedin",
  "xing",
  "youtube",
  "tiktok",
  "mastodon",
  "blog",
  "wiki",
  "forum",
  "other",
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const CHANNEL_STATUSES = ["planned", "active", "paused", "retired"] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

export const RESPONSIBILITIES = ["owner", "contributor", "reader"] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];

// ─── Guidelines ──────────────────────────────────────────────────────────────

export const GUIDELINE_SCOPES = ["company", "departments", "channels"] as const;
export type GuidelineScope = (typeof GUIDELINE_SCOPES)[number];

export const VERSION_STATUSES = ["draft", "in_review", "approved", "published", "archived"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/**
 * What a guideline record is: a guideline people acknowledge, or a holding statement — the
 * pre-agreed words for a kind of crisis in one language, signed off through the same lifecycle
 * and used from the crisis room once approved (never published to readers).
 */
export const GUIDELINE_KINDS = ["guideline", "holding_statement"] as const;
export type GuidelineKind = (typeof GUIDELINE_KINDS)[number];
/** The sign-offs a new holding statement asks for. */
export const STATEMENT_SIGNOFFS = ["legal", "communications"] as const;

export const SIGNOFF_DECISIONS = ["approved", "rejected"] as const;
export type SignoffDecision = (typeof SIGNOFF_DECISIONS)[number];

// ─── KPIs, measurements, alerts ──────────────────────────────────────────────

/** Bounds of each unit: lib/kpis/units.ts. */
export const KPI_UNITS = ["count", "percent", "percent_unbounded", "eur", "hours", "score"] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

export const KPI_DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const KPI_PERIODS = ["week", "month", "quarter"] as const;
export type KpiPeriod = (typeof KPI_PERIODS)[number];

export const KPI_AGGREGATIONS = ["sum", "avg", "last"] as const;
export type KpiAggregation = (typeof KPI_AGGREGATIONS)[number];

export const MEASUREMENT_SOURCES = ["manual", "csv", "api", "derived"] as const;
export type MeasurementSource = (typeof MEASUREMENT_SOURCES)[number];

export const ALERT_KINDS = ["threshold", "crisis"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_SEVERITIES = ["warning", "critical"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** The windows of the executive overview (not a database enum). */
export const OVERVIEW_PERIODS = ["month", "quarter", "year"] as const;
export type OverviewPeriod = (typeof OVERVIEW_PERIODS)[number];

// ─── Insights and routing ────────────────────────────────────────────────────

export const INSIGHT_CATEGORIES = [
  "product_feedback",
  "complaint",
  "service_request",
  "question",
  "sales_lead",
  "applicant_question",
  "idea",
  "praise",
  "crisis_signal",
] as const;
export type InsightCategory = (typeof INSIGHT_CATEGORIES)[number];

export const SENTIMENTS = ["negative", "neutral", "positive"] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** `no_action` and `spam` are the ways out of triage that need no department; both can go back to triage. */
export const INSIGHT_STATUSES = ["triage", "routed", "accepted", "resolved", "declined", "no_action", "spam"] as const;
export type InsightStatus = (typeof INSIGHT_STATUSES)[number];

export const KEYWORD_MODES = ["any", "all"] as const;
export type KeywordMode = (typeof KEYWORD_MODES)[number];

export const INSIGHT_EVENT_TYPES = [
  "received",
  "routed",
  "accepted",
  "commented",
  "reassigned",
  "resolved",
  "declined",
  "loop_closed",
  "no_action",
  "spam",
  "reopened",
] as const;
export type InsightEventType = (typeof INSIGHT_EVENT_TYPES)[number];

/** SLA moments the sweep records once per insight and due time: 75 % of the SLA gone unaccepted, and past due. */
export const SLA_TRANSITIONS = ["due_soon", "overdue"] as const;
export type SlaTransition = (typeof SLA_TRANSITIONS)[number];

/** What an in-app notification is about (the list's text and link follow from it). */
export const NOTIFICATION_KINDS = [
  "insight_routed",
  "sla_due_soon",
  "sla_overdue",
  "kpi_alert",
  "crisis_alert",
  "guideline_published",
  "guideline_reminder",
  "connector_paused",
  "crisis_step_overdue",
  "crisis_briefing",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * The kinds a person may choose a delivery for. A crisis alert always goes out by e-mail at once:
 * in a crisis nobody may have switched it off or deferred it to tomorrow's digest. Nor a crisis
 * briefing, which an advocate consented to receive.
 */
export const SWITCHABLE_NOTIFICATION_KINDS = NOTIFICATION_KINDS.filter(
  (k): k is Exclude<NotificationKind, "crisis_alert" | "crisis_briefing"> => k !== "crisis_alert" && k !== "crisis_briefing",
);
export type SwitchableNotificationKind = (typeof SWITCHABLE_NOTIFICATION_KINDS)[number];

/**
 * How a person wants to hear of a kind of notification by e-mail: at once, in one mail each
 * morning, or not at all (the in-app list shows every notification regardless).
 */
export const NOTIFICATION_DELIVERIES = ["immediately", "digest", "off"] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

/** Languages an insight may be marked with (not a database enum: the column is text). */
export const INSIGHT_LANGUAGES = ["de", "en"] as const;
export type InsightLanguage = (typeof INSIGHT_LANGUAGES)[number];

/**
 * The stated limit of one insight CSV import ("höchstens 10 MB"); the form checks it before
 * sending, the server again (lib/schemas/insights.ts); the server-action body limit leaves room for it.
 */
export const MAX_INSIGHT_CSV_BYTES = 10 * 1024 * 1024;

/** Outbound webhook deliveries (db `webhook_delivery_status`). */
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;

// ─── Connectors (listening) ──────────────────────────────────────────────────

/** Where a connector listens: feeds and the Mastodon and YouTube APIs are polled; Meta and the generic webhook post to us. */
export const CONNECTOR_KINDS = ["feed", "mastodon", "youtube", "meta", "webhook"] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];
/** The kinds that are fetched on a schedule (the others receive). */
export const POLLED_CONNECTOR_KINDS = ["feed", "mastodon", "youtube"] as const satisfies readonly ConnectorKind[];

/** ok: the last run worked (or none yet); failing: the last runs failed, retried with backoff; paused: not run (by hand, or after CONNECTOR_PAUSE_AFTER failures). */
export const CONNECTOR_STATUSES = ["ok", "failing", "paused"] as const;
export type ConnectorStatus = (typeof CONNECTOR_STATUSES)[number];
/** Failures in a row after which a connector is paused and the managers are told. */
export const CONNECTOR_PAUSE_AFTER = 5;

export const CONNECTOR_RUN_TRIGGERS = ["schedule", "manual", "webhook"] as const;
export type ConnectorRunTrigger = (typeof CONNECTOR_RUN_TRIGGERS)[number];
/** ok: items read (maybe none new); not_modified: the source answered 304; failed: nothing stored. */
export const CONNECTOR_RUN_OUTCOMES = ["ok", "not_modified", "failed"] as const;
export type ConnectorRunOutcome = (typeof CONNECTOR_RUN_OUTCOMES)[number];
// ─── E-mail outbox ───────────────────────────────────────────────────────────

/**
 * queued: waiting to be sent (also after a failed attempt that will be retried);
 * sending: claimed by one sender, so a second worker does not send it again;
 * sent: accepted by the SMTP server; failed: gave up after the last attempt;
 * kept: no SMTP server is configured, the mail stays readable in the outbox.
 */
export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed", "kept"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

// ─── Crisis room ─────────────────────────────────────────────────────────────

/**
 * draft: opened by the early warning, waiting for a manager to confirm or dismiss it;
 * active: a crisis the company works on; closed: over, with a summary; dismissed: a draft that
 * was not a crisis.
 */
export const CRISIS_STATUSES = ["draft", "active", "closed", "dismissed"] as const;
export type CrisisStatus = (typeof CRISIS_STATUSES)[number];
/** Draft and active crises hold their topics (one active room per topic). */
export const OPEN_CRISIS_STATUSES = ["draft", "active"] as const satisfies readonly CrisisStatus[];

/** The kinds of crisis playbooks (and later holding statements) are written for. */
export const CRISIS_TYPES = ["product_defect", "service_outage", "employer_branding", "data_breach", "other"] as const;
export type CrisisType = (typeof CRISIS_TYPES)[number];

/** 1: limited, 2: serious, 3: severe (the early warning drafts "warning" as 2, "critical" as 3). */
export const CRISIS_SEVERITIES = [1, 2, 3] as const;
export type CrisisSeverityLevel = (typeof CRISIS_SEVERITIES)[number];

/** What a crisis room's timeline records (db text column; new kinds need no migration). */
export const CRISIS_EVENT_KINDS = [
  "drafted",
  "declared",
  "confirmed",
  "dismissed",
  "closed",
  "lead_changed",
  "step_done",
  "step_reopened",
  "step_assigned",
  "step_commented",
  "insight_added",
  "briefed",
  "advocate_read",
  "advocate_acted",
  "statement_used",
] as const;
export type CrisisEventKind = (typeof CRISIS_EVENT_KINDS)[number];

/** Who a playbook step is for: a role, or a department (by kind, so a playbook fits any company). */
export const CRISIS_STEP_ROLES = ["manager", "department_head", "executive"] as const;
export type CrisisStepRole = (typeof CRISIS_STEP_ROLES)[number];

/** Who an advocate is: one of the company's people (a user), or a supporter outside it. */
export const ADVOCATE_KINDS = ["employee", "fan", "partner", "customer"] as const;
export type AdvocateKind = (typeof ADVOCATE_KINDS)[number];

/** How an advocate's consent was given (recorded with its date and scope). */
export const CONSENT_METHODS = ["written", "email", "online_form", "in_person"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** A data subject's request under the GDPR: access (Art. 15) or erasure (Art. 17). */
export const SUBJECT_REQUEST_KINDS = ["access", "erasure"] as const;
export type SubjectRequestKind = (typeof SUBJECT_REQUEST_KINDS)[number];
export const SUBJECT_REQUEST_STATUSES = ["open", "completed"] as const;
export type SubjectRequestStatus = (typeof SUBJECT_REQUEST_STATUSES)[number];

// ─── Measures ────────────────────────────────────────────────────────────────

/** Where a measure (campaign, initiative) stands. */
export const MEASURE_STATUSES = ["planned", "running", "completed", "stopped"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** What a cost item is: staff (hours × hourly rate) or an amount. */
export const COST_CATEGORIES = ["staff", "agency", "paid_media", "tools", "other"] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** The benefit a measure is expected to bring: money, or a change of its process's KPIs. */
export const BENEFIT_KINDS = ["money", "kpis"] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];
