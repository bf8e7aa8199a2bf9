import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { DerivedDefinition } from "@/lib/kpis/derived";
// Enum values live in lib/enums.ts (dependency-free, so client code can use them without the schema).
import {
  ADVOCATE_KINDS,
  BENEFIT_KINDS,
  COST_CATEGORIES,
  MEASURE_STATUSES,
  CONSENT_METHODS,
  ALERT_KINDS,
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  CHANNEL_STATUSES,
  CONNECTOR_KINDS,
  CONNECTOR_RUN_OUTCOMES,
  CONNECTOR_RUN_TRIGGERS,
  CONNECTOR_STATUSES,
  CRISIS_STATUSES,
  CRISIS_TYPES,
  DEPARTMENT_KINDS,
  GUIDELINE_KINDS,
  GUIDELINE_SCOPES,
  INSIGHT_CATEGORIES,
  INSIGHT_EVENT_TYPES,
  INSIGHT_STATUSES,
  KEYWORD_MODES,
  KPI_AGGREGATIONS,
  KPI_DIRECTIONS,
  KPI_PERIODS,
  KPI_UNITS,
  LOCALES,
  MEASUREMENT_SOURCES,
  OUTBOX_STATUSES,
  NOTIFICATION_DELIVERIES,
  PLATFORMS,
  RESPONSIBILITIES,
  ROLES,
  SENTIMENTS,
  SIGNOFF_DECISIONS,
  SLA_TRANSITIONS,
  NOTIFICATION_KINDS,
  SIGNOFF_FUNCTIONS,
  VERSION_STATUSES,
  CRISIS_STEP_ROLES,
  SUBJECT_REQUEST_KINDS,
  SUBJECT_REQUEST_STATUSES,
  WEBHOOK_DELIVERY_STATUSES,
} from "../lib/enums";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

// ─── Foundation: people, departments, audit ──────────────────────────────────

export const roleEnum = pgEnum("role", ROLES);
export const departmentKindEnum = pgEnum("department_kind", DEPARTMENT_KINDS);
export const localeEnum = pgEnum("locale", LOCALES);

export const departments = pgTable("departments", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  kind: departmentKindEnum("kind").notNull(),
  headUserId: integer("head_user_id").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
  ...timestamps,
}, (t) => [index("departments_head_idx").on(t.headUserId)]);

/** The functions that sign guideline versions off; a user may hold any of them (see users.signoff_functions). */
export const signoffFunctionEnum = pgEnum("signoff_function", SIGNOFF_FUNCTIONS);

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: roleEnum("role").notNull().default("employee"),
    departmentId: integer("department_id").references(() => departments.id, { onDelete: "set null" }),
    locale: localeEnum("locale").notNull().default("de"),
    active: boolean("active").notNull().default(true),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    /**
     * Copied into the session token at sign-in; raising it ends every session of this user
     * (password reset, deactivation, role change, "sign out everywhere").
     */
    sessionVersion: integer("session_version").notNull().default(0),
    /**
     * The sign-off functions this person holds (legal, data protection, works council), whatever
     * their role: they sign guideline versions for that function themselves.
     */
    signoffFunctions: signoffFunctionEnum("signoff_functions").array().notNull().default(sql`'{}'`),
    /**
     * The subject ("sub") of the company directory's ID token when this person signs in through
     * single sign-on; their role and department then follow the directory's groups at each sign-in.
     */
    ssoSubject: text("sso_subject"),
    /**
     * Two-factor authentication (TOTP) of the password login: the secret, sealed under
     * ENCRYPTION_KEY for this user (lib/crypto/secrets.ts); the one being set up until its first
     * code is confirmed; when it was switched on; and the time step of the last code accepted
     * (a code counts once).
     */
    totpSecret: text("totp_secret"),
    totpPendingSecret: text("totp_pending_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    totpLastStep: integer("totp_last_step"),
    ...timestamps,
  },
  (t) => [
    // E-mails are stored lower-cased; the unique index guards against races the check cannot.
    uniqueIndex("users_email_unique").on(t.email),
    uniqueIndex("users_sso_subject_unique").on(t.ssoSubject).where(sql`${t.ssoSubject} is not null`),
    index("users_department_idx").on(t.departmentId),
    index("users_role_idx").on(t.role),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Each filter of the audit log leads an index that ends in its sort (created_at desc, id desc),
    // so a page is one ordered index range, and a cursor continues it.
    index("audit_log_created_id_idx").on(t.createdAt, t.id),
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.createdAt, t.id),
    index("audit_log_entity_type_idx").on(t.entityType, t.createdAt, t.id),
    index("audit_log_action_idx").on(t.action, t.createdAt, t.id),
    index("audit_log_actor_idx").on(t.actorId, t.createdAt, t.id),
  ],
);

/** Failed and successful logins, used to throttle guessing; survives restarts because it is in the database. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // created_at: the nightly retention run deletes attempts older than 30 days.
  (t) => [index("login_attempts_lookup_idx").on(t.email, t.ip, t.createdAt), index("login_attempts_created_idx").on(t.createdAt)],
);

/**
 * Sessions ended by a logout. A session token is a signed cookie that stays valid until it expires,
 * so a logout records its id here; rows can go once that session's absolute lifetime is over.
 */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sid: text("sid").primaryKey(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt), index("revoked_sessions_user_idx").on(t.userId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    /** First characters of the token, shown in lists so people can tell tokens apart. */
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    scopes: text("scopes").array().notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("api_tokens_created_by_idx").on(t.createdBy)],
);

/**
 * Answers of the public API kept for `Idempotency-Key` retries: a retried request with the same
 * key (per token and route) stores nothing new and gets the first answer again.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    tokenId: integer("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    /** The route the key was used on, e.g. `POST /api/v1/kpis/7/measurements`. */
    route: text("route").notNull(),
    key: text("key").notNull(),
    /** sha256 of the request body: the same key with another body is a conflict. */
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status").notNull(),
    responseBody: jsonb("response_body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.route, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);

// ─── Channel register and business processes ────────────────────────────────

export const platformEnum = pgEnum("platform", PLATFORMS);
export const channelStatusEnum = pgEnum("channel_status", CHANNEL_STATUSES);
export const responsibilityEnum = pgEnum("responsibility", RESPONSIBILITIES);

export const channels = pgTable(
  "channels",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    platform: platformEnum("platform").notNull(),
    handle: text("handle"),
    url: text("url"),
    status: channelStatusEnum("status").notNull().default("planned"),
    ownerId: integer("owner_id").references(() => users.id, { onDelete: "set null" }),
    deputyId: integer("deputy_id").references(() => users.id, { onDelete: "set null" }),
    nextReviewOn: date("next_review_on"),
    // The five strategy questions.
    targetGroupsPresent: text("target_groups_present"),
    ourGain: text("our_gain"),
    theirGain: text("their_gain"),
    intendedAudience: text("intended_audience"),
    inboundAudience: text("inbound_audience"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("channels_platform_handle_unique")
      .on(t.platform, sql`lower(${t.handle})`)
      .where(sql`${t.handle} is not null`),
    index("channels_status_idx").on(t.status),
    index("channels_owner_idx").on(t.ownerId),
    index("channels_deputy_idx").on(t.deputyId),
    index("channels_name_idx").on(t.name),
  ],
);

export const channelAssignments = pgTable(
  "channel_assignments",
  {
    channelId: integer("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "cascade" }),
    responsibility: responsibilityEnum("responsibility").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.departmentId] }),
    // At most one owning department per channel, enforced by the database.
    uniqueIndex("channel_assignments_one_owner").on(t.channelId).where(sql`${t.responsibility} = 'owner'`),
    index("channel_assignments_department_idx").on(t.departmentId),
  ],
);

export const businessProcesses = pgTable(
  "business_processes",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id),
    name: text("name").notNull(),
    description: text("description"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex("business_processes_department_name_unique").on(t.departmentId, t.name)],
);

// ─── Guidelines ──────────────────────────────────────────────────────────────

export const guidelineScopeEnum = pgEnum("guideline_scope", GUIDELINE_SCOPES);
export const guidelineVersionStatusEnum = pgEnum("guideline_version_status", VERSION_STATUSES);
export const signoffDecisionEnum = pgEnum("signoff_decision", SIGNOFF_DECISIONS);

/**
 * A guideline is the identity that ties its versions together. Title, scope and required sign-offs
 * belong to each version: a draft may change them without touching what is published, and readers
 * see those of the published version only.
 */
export const guidelineKindEnum = pgEnum("guideline_kind", GUIDELINE_KINDS);
/** The kinds of crisis (playbooks, holding statements, crises). */
export const crisisTypeEnum = pgEnum("crisis_type", CRISIS_TYPES);

export const guidelines = pgTable("guidelines", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  kind: guidelineKindEnum("kind").notNull().default("guideline"),
  /** For holding statements: the kind of crisis they are for, and their language (de, en). */
  crisisType: crisisTypeEnum("crisis_type"),
  language: text("language"),
  createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  ...timestamps,
}, (t) => [index("guidelines_created_by_idx").on(t.createdBy), index("guidelines_kind_idx").on(t.kind, t.crisisType)]);

export const guidelineVersions = pgTable(
  "guideline_versions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    guidelineId: integer("guideline_id")
      .notNull()
      .references(() => guidelines.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    scope: guidelineScopeEnum("scope").notNull().default("company"),
    requiredSignoffs: signoffFunctionEnum("required_signoffs").array().notNull().default(sql`'{}'`),
    bodyMd: text("body_md").notNull(),
    changeNote: text("change_note"),
    status: guidelineVersionStatusEnum("status").notNull().default("draft"),
    /** Incremented on every submission for review; only sign-offs of the current round count. 0 = never submitted. */
    reviewRound: integer("review_round").notNull().default(0),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("guideline_versions_number_unique").on(t.guidelineId, t.version),
    uniqueIndex("guideline_versions_one_published")
      .on(t.guidelineId)
      .where(sql`${t.status} = 'published'`),
    index("guideline_versions_created_by_idx").on(t.createdBy),
  ],
);

/** The departments a version applies to when its scope is `departments`. */
export const guidelineVersionDepartments = pgTable(
  "guideline_version_departments",
  {
    versionId: integer("version_id")
      .notNull()
      .references(() => guidelineVersions.id, { onDelete: "cascade" }),
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.departmentId] }), index("guideline_version_departments_department_idx").on(t.departmentId)],
);

/** The channels a version applies to when its scope is `channels`. */
export const guidelineVersionChannels = pgTable(
  "guideline_version_channels",
  {
    versionId: integer("version_id")
      .notNull()
      .references(() => guidelineVersions.id, { onDelete: "cascade" }),
    channelId: integer("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.channelId] }), index("guideline_version_channels_channel_idx").on(t.channelId)],
);

export const guidelineSignoffs = pgTable(
  "guideline_signoffs",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    versionId: integer("version_id")
      .notNull()
      .references(() => guidelineVersions.id, { onDelete: "cascade" }),
    function: signoffFunctionEnum("function").notNull(),
    decision: signoffDecisionEnum("decision").notNull(),
    /** The version's review round this sign-off was given in. */
    reviewRound: integer("review_round").notNull(),
    signatoryName: text("signatory_name").notNull(),
    /** The user who signed with their own login; null when a manager recorded it on their behalf. */
    signatoryId: integer("signatory_id").references(() => users.id, { onDelete: "set null" }),
    /** For a sign-off recorded on behalf of the function: where the decision is documented (e.g. the minutes). */
    onBehalfReference: text("on_behalf_reference"),
    comment: text("comment"),
    recordedBy: integer("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("guideline_signoffs_version_idx").on(t.versionId),
    index("guideline_signoffs_signatory_idx").on(t.signatoryId),
    index("guideline_signoffs_recorded_by_idx").on(t.recordedBy),
  ],
);

export const guidelineAcknowledgments = pgTable(
  "guideline_acknowledgments",
  {
    versionId: integer("version_id")
      .notNull()
      .references(() => guidelineVersions.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.userId] }), index("guideline_ack_user_idx").on(t.userId)],
);

// ─── KPIs, measurements, alerts ──────────────────────────────────────────────

// `percent` is a share of a whole (0–100); `percent_unbounded` is a percentage that may exceed 100
// or fall below 0 (growth, attainment). lib/kpis/units.ts holds the bounds of every unit.
export const kpiUnitEnum = pgEnum("kpi_unit", KPI_UNITS);
export const kpiDirectionEnum = pgEnum("kpi_direction", KPI_DIRECTIONS);
export const kpiPeriodEnum = pgEnum("kpi_period", KPI_PERIODS);
export const kpiAggregationEnum = pgEnum("kpi_aggregation", KPI_AGGREGATIONS);
export const measurementSourceEnum = pgEnum("measurement_source", MEASUREMENT_SOURCES);
export const alertKindEnum = pgEnum("alert_kind", ALERT_KINDS);
export const alertSeverityEnum = pgEnum("alert_severity", ALERT_SEVERITIES);
export const alertStatusEnum = pgEnum("alert_status", ALERT_STATUSES);

export const kpis = pgTable(
  "kpis",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    businessProcessId: integer("business_process_id")
      .notNull()
      .references(() => businessProcesses.id),
    name: text("name").notNull(),
    description: text("description"),
    unit: kpiUnitEnum("unit").notNull(),
    direction: kpiDirectionEnum("direction").notNull(),
    period: kpiPeriodEnum("period").notNull(),
    aggregation: kpiAggregationEnum("aggregation").notNull(),
    channelId: integer("channel_id").references(() => channels.id, { onDelete: "set null" }),
    target: doublePrecision("target").notNull(),
    warningThreshold: doublePrecision("warning_threshold").notNull(),
    criticalThreshold: doublePrecision("critical_threshold").notNull(),
    /** Set for KPIs derived from the insight flow (lib/kpis/derived.ts): their values come from a job. */
    derived: jsonb("derived").$type<DerivedDefinition>(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("kpis_process_idx").on(t.businessProcessId), index("kpis_channel_idx").on(t.channelId)],
);

export const measurements = pgTable(
  "measurements",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    kpiId: integer("kpi_id")
      .notNull()
      .references(() => kpis.id, { onDelete: "cascade" }),
    measuredOn: date("measured_on").notNull(),
    value: doublePrecision("value").notNull(),
    source: measurementSourceEnum("source").notNull(),
    recordedBy: integer("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("measurements_kpi_day_idx").on(t.kpiId, t.measuredOn, t.id),
    // Deleting a user sets recorded_by null; API and CSV imports leave it null.
    index("measurements_recorded_by_idx").on(t.recordedBy).where(sql`${t.recordedBy} is not null`),
  ],
);

/**
 * Per KPI and calendar month (`month` = the 1st): sum, count and the month's last value (latest
 * day, then highest id), kept in step with measurements by statement-level triggers
 * (migration 0013). The overview reads whole months here instead of scanning their days.
 */
export const measurementMonths = pgTable(
  "measurement_months",
  {
    kpiId: integer("kpi_id").notNull(),
    month: date("month").notNull(),
    sum: doublePrecision("sum").notNull(),
    count: integer("count").notNull(),
    // Null only inside the trigger statement that creates the row and fills them right after.
    lastOn: date("last_on"),
    lastId: bigint("last_id", { mode: "number" }),
    lastValue: doublePrecision("last_value"),
  },
  // Month first: the overview reads a range of months for all KPIs, one index range.
  (t) => [primaryKey({ columns: [t.month, t.kpiId] })],
);

/**
 * The same per KPI and part of an ISO week: weeks (Monday to Sunday, as lib/kpis/periods.ts has
 * them) are cut at the 1st of a month, so a week that straddles two months has a row for each
 * side, keyed by its first day (`starts_on`: a Monday or a 1st). Every week and every month is a
 * whole number of parts, and so is each of the month view's steps (weeks clipped to the month).
 * Kept by the same kind of triggers (migration 0017).
 */
export const measurementWeekParts = pgTable(
  "measurement_week_parts",
  {
    kpiId: integer("kpi_id").notNull(),
    startsOn: date("starts_on").notNull(),
    sum: doublePrecision("sum").notNull(),
    count: integer("count").notNull(),
    // Null only inside the trigger statement that creates the row and fills them right after.
    lastOn: date("last_on"),
    lastId: bigint("last_id", { mode: "number" }),
    lastValue: doublePrecision("last_value"),
  },
  // Day first, as the months: a range of parts for all KPIs is one index range.
  (t) => [primaryKey({ columns: [t.startsOn, t.kpiId] })],
);

export const alerts = pgTable(
  "alerts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    kind: alertKindEnum("kind").notNull(),
    kpiId: integer("kpi_id").references(() => kpis.id, { onDelete: "cascade" }),
    departmentId: integer("department_id").references(() => departments.id, { onDelete: "set null" }),
    severity: alertSeverityEnum("severity").notNull(),
    status: alertStatusEnum("status").notNull().default("open"),
    periodStart: date("period_start"),
    /** First day of the first period of the streak that crossed the threshold (from the data, not the evaluation's clock). */
    since: date("since"),
    value: doublePrecision("value"),
    message: text("message"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    acknowledgedBy: integer("acknowledged_by").references(() => users.id, { onDelete: "set null" }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgeComment: text("acknowledge_comment"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    // One unresolved threshold alert per KPI; escalation updates it instead of adding another.
    uniqueIndex("alerts_one_open_per_kpi")
      .on(t.kpiId)
      .where(sql`${t.status} <> 'resolved' and ${t.kind} = 'threshold'`),
    // At most one unresolved crisis alert for the whole company.
    uniqueIndex("alerts_one_open_crisis")
      .on(t.kind)
      .where(sql`${t.status} <> 'resolved' and ${t.kind} = 'crisis'`),
    index("alerts_status_idx").on(t.status, t.openedAt),
    index("alerts_kpi_idx").on(t.kpiId),
    index("alerts_department_idx").on(t.departmentId),
    index("alerts_acknowledged_by_idx").on(t.acknowledgedBy),
  ],
);

// ─── Insights and routing ────────────────────────────────────────────────────

export const insightCategoryEnum = pgEnum("insight_category", INSIGHT_CATEGORIES);
export const sentimentEnum = pgEnum("sentiment", SENTIMENTS);
/** `no_action` and `spam` are the ways out of triage that need no department; both can go back to triage. */
export const insightStatusEnum = pgEnum("insight_status", INSIGHT_STATUSES);
export const keywordModeEnum = pgEnum("keyword_mode", KEYWORD_MODES);
export const insightEventTypeEnum = pgEnum("insight_event_type", INSIGHT_EVENT_TYPES);

export const routingRules = pgTable(
  "routing_rules",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    active: boolean("active").notNull().default(true),
    categories: insightCategoryEnum("categories").array().notNull().default(sql`'{}'`),
    platforms: platformEnum("platforms").array().notNull().default(sql`'{}'`),
    channelIds: integer("channel_ids").array().notNull().default(sql`'{}'`),
    keywords: text("keywords").array().notNull().default(sql`'{}'`),
    keywordMode: keywordModeEnum("keyword_mode").notNull().default("any"),
    sentiments: sentimentEnum("sentiments").array().notNull().default(sql`'{}'`),
    languages: text("languages").array().notNull().default(sql`'{}'`),
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id),
    slaHours: integer("sla_hours").notNull(),
    ...timestamps,
  },
  (t) => [index("routing_rules_position_idx").on(t.position), index("routing_rules_department_idx").on(t.departmentId)],
);

export const insights = pgTable(
  "insights",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** Where it came from (a connector, feed or import name); with external_id it makes intake idempotent. */
    source: text("source").notNull(),
    externalId: text("external_id").notNull(),
    channelId: integer("channel_id").references(() => channels.id, { onDelete: "set null" }),
    platform: platformEnum("platform"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    text: text("text").notNull(),
    /**
     * The text folded for search (search_fold, migration 0007: umlauts spelt out, accents dropped,
     * lower case), computed once on write so a search compares plain strings instead of folding
     * every row it looks at.
     */
    textFolded: text("text_folded").generatedAlwaysAs(sql`search_fold(text)`),
    url: text("url"),
    language: text("language"),
    languageDerived: boolean("language_derived").notNull().default(false),
    authorHandle: text("author_handle"),
    category: insightCategoryEnum("category").notNull(),
    sentiment: sentimentEnum("sentiment").notNull(),
    sentimentDerived: boolean("sentiment_derived").notNull().default(false),
    status: insightStatusEnum("status").notNull().default("triage"),
    departmentId: integer("department_id").references(() => departments.id, { onDelete: "set null" }),
    ruleId: integer("rule_id").references(() => routingRules.id, { onDelete: "set null" }),
    routedAt: timestamp("routed_at", { withTimezone: true }),
    slaDueAt: timestamp("sla_due_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    declinedAt: timestamp("declined_at", { withTimezone: true }),
    resolutionNote: text("resolution_note"),
    externalReference: text("external_reference"),
    declineReason: text("decline_reason"),
    loopClosedAt: timestamp("loop_closed_at", { withTimezone: true }),
    /** When the central unit took it out of triage as "no action needed" or spam; null once back in triage. */
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
    /**
     * When its retention period erased what it said about a person (text, author, link, notes);
     * category, times, department and status stay for the figures. Set by the retention job and by
     * a data subject's erasure request.
     */
    anonymizedAt: timestamp("anonymized_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("insights_source_external_unique").on(t.source, t.externalId),
    // The nightly retention run: per category, what is past its period and not yet anonymised.
    index("insights_retention_idx").on(t.category, t.occurredAt).where(sql`${t.anonymizedAt} is null`),
    index("insights_department_inbox_idx").on(t.departmentId, t.status, t.slaDueAt, t.occurredAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // The list's filters, each followed by its sort (occurred_at desc, id desc): a page is one
    // ordered index range whatever the table's size, and a cursor continues it.
    index("insights_occurred_id_idx").on(t.occurredAt, t.id),
    index("insights_status_occurred_idx").on(t.status, t.occurredAt, t.id),
    index("insights_department_occurred_idx").on(t.departmentId, t.occurredAt, t.id),
    // Category rides at the end so a department's list filtered by status and category counts its
    // matches from the index alone, without visiting the table.
    index("insights_department_status_occurred_idx").on(t.departmentId, t.status, t.occurredAt, t.id, t.category),
    index("insights_category_occurred_idx").on(t.category, t.occurredAt, t.id),
    // The read API's sync (`updatedSince`) pages by last change.
    index("insights_updated_id_idx").on(t.updatedAt, t.id),
    index("insights_channel_occurred_idx").on(t.channelId, t.occurredAt, t.id),
    // Deleting a routing rule sets rule_id null on its insights.
    index("insights_rule_idx").on(t.ruleId).where(sql`${t.ruleId} is not null`),
    // Text search: trigrams of the folded text serve "like %…%".
    index("insights_text_trgm_idx").using("gin", t.textFolded.op("gin_trgm_ops")),
    // Lists mark the same text from the same author ("×3 identisch") for the rows of one page.
    index("insights_author_text_idx").on(t.authorHandle, sql`md5(${t.text})`),
    // The crisis early warning counts recent negative voices after every intake batch.
    index("insights_negative_occurred_idx")
      .on(t.occurredAt)
      .where(sql`${t.sentiment} = 'negative' or ${t.category} = 'crisis_signal'`),
    // Flow figures: a period's insights of a department (the edges of a period, exact medians, the
    // open and past due among them); the trailing columns let those reads skip the table. Triage
    // exits by time.
    index("insights_department_routed_idx").on(
      t.departmentId,
      t.routedAt,
      t.slaDueAt,
      t.acceptedAt,
      t.resolvedAt,
      t.declinedAt,
      t.status,
    ),
    index("insights_status_dismissed_idx").on(t.status, t.dismissedAt),
    // The SLA sweep: open insights by due time (what fell due since its last run, what is still to come).
    index("insights_open_due_idx")
      .on(t.slaDueAt)
      .where(sql`${t.status} in ('routed', 'accepted')`),
  ],
);

/**
 * Daily flow counters per department, maintained by statement-level triggers on `insights`
 * (migration 0007): each insight counts on the Berlin business day of its latest routing, for the
 * department that has it now. `reacted` = accepted/resolved/declined, `done` = resolved/declined,
 * `slaMet` = done by the SLA due time. The flow figures sum whole days here instead of scanning.
 */
export const insightFlowDays = pgTable(
  "insight_flow_days",
  {
    departmentId: integer("department_id").notNull(),
    day: date("day").notNull(),
    received: integer("received").notNull().default(0),
    reacted: integer("reacted").notNull().default(0),
    resolved: integer("resolved").notNull().default(0),
    done: integer("done").notNull().default(0),
    slaMet: integer("sla_met").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.day] })],
);

/**
 * Histograms of the hours from routing to first reaction (kind 1) and to resolution (kind 2), on
 * log-scale buckets 5 % wide (`insight_flow_bucket()`), per department and Berlin day of routing;
 * `monthly` rows hold the same per calendar month (day = the 1st) so a year reads few rows.
 * Medians of large periods are interpolated from them.
 */
export const insightFlowBuckets = pgTable(
  "insight_flow_buckets",
  {
    departmentId: integer("department_id").notNull(),
    monthly: boolean("monthly").notNull(),
    kind: integer("kind").notNull(),
    day: date("day").notNull(),
    bucket: integer("bucket").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.monthly, t.kind, t.day, t.bucket] })],
);

/**
 * Open (routed/accepted) insights per department, Berlin day of routing and Berlin day their SLA
 * is due ('infinity' without a due time): what is open and overdue now is a sum over few rows plus
 * the insights due earlier today.
 */
export const insightFlowOpen = pgTable(
  "insight_flow_open",
  {
    departmentId: integer("department_id").notNull(),
    day: date("day").notNull(),
    dueDay: date("due_day").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.day, t.dueDay] })],
);

/**
 * Insights in triage (day 'infinity') and those marked "no action needed" or spam, per Berlin day
 * they were marked.
 */
export const insightFlowTriage = pgTable(
  "insight_flow_triage",
  {
    status: insightStatusEnum("status").notNull(),
    day: date("day").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.day] })],
);

export const insightEvents = pgTable(
  "insight_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    insightId: bigint("insight_id", { mode: "number" })
      .notNull()
      .references(() => insights.id, { onDelete: "cascade" }),
    type: insightEventTypeEnum("type").notNull(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    ruleId: integer("rule_id").references(() => routingRules.id, { onDelete: "set null" }),
    fromDepartmentId: integer("from_department_id").references(() => departments.id, { onDelete: "set null" }),
    toDepartmentId: integer("to_department_id").references(() => departments.id, { onDelete: "set null" }),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("insight_events_insight_idx").on(t.insightId, t.createdAt),
    // Deleting a rule, user or department updates these references; partial, because most are null.
    index("insight_events_rule_idx").on(t.ruleId).where(sql`${t.ruleId} is not null`),
    index("insight_events_actor_idx").on(t.actorId).where(sql`${t.actorId} is not null`),
    index("insight_events_from_department_idx").on(t.fromDepartmentId).where(sql`${t.fromDepartmentId} is not null`),
    index("insight_events_to_department_idx").on(t.toDepartmentId).where(sql`${t.toDepartmentId} is not null`),
  ],
);

export const slaTransitionEnum = pgEnum("sla_transition", SLA_TRANSITIONS);

/**
 * SLA transitions the scheduled sweep found (db/queries/sla-sweep.ts): each insight's "75 % gone
 * without acceptance" and "overdue" once per SLA due time (routing it anew sets a new due time and
 * so allows new ones). The unique key makes the sweep idempotent under retries and parallel runs;
 * the row id is the event id consumers (notifications) deduplicate by.
 */
export const insightSlaEvents = pgTable(
  "insight_sla_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    insightId: bigint("insight_id", { mode: "number" })
      .notNull()
      .references(() => insights.id, { onDelete: "cascade" }),
    kind: slaTransitionEnum("kind").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    departmentId: integer("department_id").references(() => departments.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("insight_sla_events_unique").on(t.insightId, t.kind, t.dueAt),
    index("insight_sla_events_department_idx").on(t.departmentId).where(sql`${t.departmentId} is not null`),
  ],
);

/**
 * How far a scheduled sweep has looked (its last run's clock), so the next run looks only at what
 * changed since then, and a run after downtime catches up on what it missed.
 */
export const jobCursors = pgTable("job_cursors", {
  name: text("name").primaryKey(),
  position: timestamp("position", { withTimezone: true }).notNull(),
});

export const notificationKindEnum = pgEnum("notification_kind", NOTIFICATION_KINDS);

/**
 * A person's in-app notifications (the bell in the header, /notifications). One per person and
 * event (`event_id`, the domain event's id): a job that runs twice notifies nobody twice.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKindEnum("kind").notNull(),
    eventId: text("event_id").notNull(),
    insightId: bigint("insight_id", { mode: "number" }).references(() => insights.id, { onDelete: "cascade" }),
    /** What the text needs when it is shown (department name, an excerpt), as it was at the event. */
    data: jsonb("data").$type<Record<string, string | number | null>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Waits for the person's next daily digest mail (their preference for this kind is `digest`). */
    digestPending: boolean("digest_pending").notNull().default(false),
  },
  (t) => [
    uniqueIndex("notifications_user_event_unique").on(t.userId, t.eventId),
    index("notifications_digest_pending_idx").on(t.userId, t.id).where(sql`${t.digestPending}`),
    index("notifications_user_created_idx").on(t.userId, t.createdAt, t.id),
    // Notification retention deletes by age.
    index("notifications_created_idx").on(t.createdAt),
    index("notifications_user_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    index("notifications_insight_idx").on(t.insightId).where(sql`${t.insightId} is not null`),
  ],
);

export const notificationDeliveryEnum = pgEnum("notification_delivery", NOTIFICATION_DELIVERIES);

/**
 * A person's choice per kind of notification: e-mail at once, in the daily digest, or none. No row
 * means `immediately`. Crisis notifications are not switchable and have no row here.
 */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKindEnum("kind").notNull(),
    delivery: notificationDeliveryEnum("delivery").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

// ─── E-mail outbox ───────────────────────────────────────────────────────────

export const outboxStatusEnum = pgEnum("outbox_status", OUTBOX_STATUSES);

/**
 * Every e-mail the app sends is written here first, rendered and in the recipient's language, and
 * sent from here. Without an SMTP server the mails stay here (`kept`) and admins read them in the
 * app. `dedupe_key` names the event and the recipient, so a retried job never mails twice.
 */
export const outboxMails = pgTable(
  "outbox_mails",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    toAddress: text("to_address").notNull(),
    recipientId: integer("recipient_id").references(() => users.id, { onDelete: "set null" }),
    locale: localeEnum("locale").notNull(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    status: outboxStatusEnum("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** When the current sender claimed the mail; a claim older than the lease may be taken over. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("outbox_mails_dedupe_key_idx").on(t.dedupeKey),
    // The admin list: newest first, optionally one status.
    index("outbox_mails_created_id_idx").on(t.createdAt, t.id),
    index("outbox_mails_status_idx").on(t.status, t.createdAt, t.id),
    index("outbox_mails_recipient_idx").on(t.recipientId),
  ],
);

// ─── Types ───────────────────────────────────────────────────────────────────

export type Role = (typeof roleEnum.enumValues)[number];
export type DepartmentKind = (typeof departmentKindEnum.enumValues)[number];
export type Locale = (typeof localeEnum.enumValues)[number];
export type Platform = (typeof platformEnum.enumValues)[number];
export type ChannelStatus = (typeof channelStatusEnum.enumValues)[number];
export type Responsibility = (typeof responsibilityEnum.enumValues)[number];
export type InsightCategory = (typeof insightCategoryEnum.enumValues)[number];
export type Sentiment = (typeof sentimentEnum.enumValues)[number];

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Department = typeof departments.$inferSelect;
export type NewDepartment = typeof departments.$inferInsert;
export type AuditEntry = typeof auditLog.$inferSelect;
export type Channel = typeof channels.$inferSelect;
export type BusinessProcess = typeof businessProcesses.$inferSelect;
export type Guideline = typeof guidelines.$inferSelect;
export type GuidelineVersion = typeof guidelineVersions.$inferSelect;
export type Kpi = typeof kpis.$inferSelect;
export type Measurement = typeof measurements.$inferSelect;
// ─── Outbound webhooks ───────────────────────────────────────────────────────

export const webhookDeliveryStatusEnum = pgEnum("webhook_delivery_status", WEBHOOK_DELIVERY_STATUSES);

/**
 * A receiver of signed event notifications (Standard Webhooks). The secret is kept in clear
 * because every delivery is signed with it. `internal_crm` (set by an admin) lets payloads carry
 * the author's handle; every other endpoint gets the alias only.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    url: text("url").notNull(),
    events: text("events").array().notNull(),
    secret: text("secret").notNull(),
    internalCrm: boolean("internal_crm").notNull().default(false),
    /** Set when deliveries kept failing; a disabled endpoint gets no new deliveries. */
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    disabledReason: text("disabled_reason"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("webhook_endpoints_created_by_idx").on(t.createdBy)],
);

/** One event for one endpoint: delivered at most once per endpoint (unique on the event id). */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventType: text("event_type").notNull(),
    eventId: text("event_id").notNull(),
    payload: jsonb("payload").notNull(),
    status: webhookDeliveryStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    /** A worker holds the delivery until then, so two instances never send it at the same time. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("webhook_deliveries_endpoint_event_idx").on(t.endpointId, t.eventId),
    index("webhook_deliveries_endpoint_created_idx").on(t.endpointId, t.createdAt, t.id),
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
  ],
);

/** Every HTTP attempt of a delivery, for the delivery log. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: bigint("delivery_id", { mode: "number" })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attemptedAt)],
);

export const connectorKindEnum = pgEnum("connector_kind", CONNECTOR_KINDS);
export const connectorStatusEnum = pgEnum("connector_status", CONNECTOR_STATUSES);
export const connectorRunTriggerEnum = pgEnum("connector_run_trigger", CONNECTOR_RUN_TRIGGERS);
export const connectorRunOutcomeEnum = pgEnum("connector_run_outcome", CONNECTOR_RUN_OUTCOMES);

/**
 * A connector brings one channel's voices in: a feed, Mastodon or YouTube fetched every
 * `interval_minutes`, or Meta / a generic webhook posting to us. `settings` holds what may be
 * shown (hashtags, account, channel ids); `secrets` the sealed API keys and tokens
 * (lib/crypto/secrets.ts, one sealed string per field), never returned by the API. `cursor` is
 * where the next fetch starts (ETag and Last-Modified, since_id, …).
 */
export const connectors = pgTable(
  "connectors",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    kind: connectorKindEnum("kind").notNull(),
    name: text("name").notNull(),
    channelId: integer("channel_id")
      .notNull()
      .references(() => channels.id),
    /** The category its insights get unless the routing rules say otherwise. */
    category: insightCategoryEnum("category"),
    url: text("url"),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    secrets: jsonb("secrets").$type<Record<string, string>>().notNull().default({}),
    cursor: jsonb("cursor").$type<Record<string, unknown>>().notNull().default({}),
    status: connectorStatusEnum("status").notNull().default("ok"),
    /** Set when the status is paused: "manual" or "failures". */
    pausedReason: text("paused_reason"),
    intervalMinutes: integer("interval_minutes").notNull().default(15),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    /** When a polled connector is due next (null for receiving kinds and paused ones). */
    nextRunAt: timestamp("next_run_at", { withTimezone: true }),
    lastRunAt: timestamp("last_run_at", { withTimezone: true }),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    lastErrorCode: text("last_error_code"),
    lastError: text("last_error"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("connectors_channel_idx").on(t.channelId),
    index("connectors_due_idx").on(t.nextRunAt).where(sql`status <> 'paused'`),
    index("connectors_created_by_idx").on(t.createdBy),
  ],
);

/** One run of a connector: what it fetched, stored and found already stored, or why it failed. */
export const connectorRuns = pgTable(
  "connector_runs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    connectorId: integer("connector_id")
      .notNull()
      .references(() => connectors.id, { onDelete: "cascade" }),
    trigger: connectorRunTriggerEnum("trigger").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }).notNull(),
    outcome: connectorRunOutcomeEnum("outcome").notNull(),
    fetched: integer("fetched").notNull().default(0),
    created: integer("created").notNull().default(0),
    duplicates: integer("duplicates").notNull().default(0),
    errorCode: text("error_code"),
    error: text("error"),
  },
  (t) => [index("connector_runs_connector_idx").on(t.connectorId, t.startedAt, t.id)],
);

// ─── Crisis room ─────────────────────────────────────────────────────────────

export const crisisStatusEnum = pgEnum("crisis_status", CRISIS_STATUSES);
export const crisisStepRoleEnum = pgEnum("crisis_step_role", CRISIS_STEP_ROLES);

/** A reusable how-to for a kind of crisis: ordered steps, each for a role or a department, due after the start. */
export const playbooks = pgTable(
  "playbooks",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    crisisType: crisisTypeEnum("crisis_type").notNull(),
    description: text("description"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("playbooks_created_by_idx").on(t.createdBy)],
);

export const playbookSteps = pgTable(
  "playbook_steps",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    playbookId: integer("playbook_id")
      .notNull()
      .references(() => playbooks.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    dueOffsetMinutes: integer("due_offset_minutes").notNull(),
    responsibleRole: crisisStepRoleEnum("responsible_role"),
    responsibleDepartmentKind: departmentKindEnum("responsible_department_kind"),
  },
  (t) => [uniqueIndex("playbook_steps_position_unique").on(t.playbookId, t.position)],
);

export const crises = pgTable(
  "crises",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    title: text("title").notNull(),
    status: crisisStatusEnum("status").notNull(),
    severity: integer("severity").notNull(),
    crisisType: crisisTypeEnum("crisis_type"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    leadId: integer("lead_id").references(() => users.id, { onDelete: "set null" }),
    playbookId: integer("playbook_id").references(() => playbooks.id, { onDelete: "set null" }),
    /** The early-warning alert that drafted it (at most one crisis per alert). */
    alertId: integer("alert_id").references(() => alerts.id, { onDelete: "set null" }),
    summary: text("summary"),
    /** The team's lessons, written after the close beside the post-mortem's figures. */
    lessonsLearned: text("lessons_learned"),
    openedBy: integer("opened_by").references(() => users.id, { onDelete: "set null" }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check("crises_severity_range", sql`${t.severity} between 1 and 3`),
    index("crises_status_started_idx").on(t.status, t.startedAt, t.id),
    uniqueIndex("crises_alert_unique").on(t.alertId),
    index("crises_lead_idx").on(t.leadId),
    index("crises_playbook_idx").on(t.playbookId),
    index("crises_opened_by_idx").on(t.openedBy),
  ],
);

export const crisisChannels = pgTable(
  "crisis_channels",
  {
    crisisId: integer("crisis_id")
      .notNull()
      .references(() => crises.id, { onDelete: "cascade" }),
    channelId: integer("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.crisisId, t.channelId] }), index("crisis_channels_channel_idx").on(t.channelId)],
);

/** The topics a crisis is about; while it is draft or active (`open`), no other crisis may hold the same topic. */
export const crisisTopics = pgTable(
  "crisis_topics",
  {
    crisisId: integer("crisis_id")
      .notNull()
      .references(() => crises.id, { onDelete: "cascade" }),
    topic: text("topic").notNull(),
    /** search_fold(topic): "Akku-Brand" and "akku-brand" are one topic. */
    folded: text("folded").notNull(),
    open: boolean("open").notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.crisisId, t.folded] }), uniqueIndex("crisis_topics_one_open").on(t.folded).where(sql`${t.open}`)],
);

export const crisisSteps = pgTable(
  "crisis_steps",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    crisisId: integer("crisis_id")
      .notNull()
      .references(() => crises.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    responsibleRole: crisisStepRoleEnum("responsible_role"),
    departmentId: integer("department_id").references(() => departments.id, { onDelete: "set null" }),
    assigneeId: integer("assignee_id").references(() => users.id, { onDelete: "set null" }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneBy: integer("done_by").references(() => users.id, { onDelete: "set null" }),
    /** Set once the overdue notice went out, so it goes out once per due time. */
    overdueNotifiedAt: timestamp("overdue_notified_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("crisis_steps_position_unique").on(t.crisisId, t.position),
    index("crisis_steps_department_idx").on(t.departmentId),
    index("crisis_steps_assignee_idx").on(t.assigneeId),
    index("crisis_steps_done_by_idx").on(t.doneBy),
    index("crisis_steps_open_due_idx").on(t.dueAt).where(sql`${t.doneAt} is null`),
  ],
);

/** Insights a manager added to a crisis by hand (the others belong by its channels and topics). */
export const crisisInsights = pgTable(
  "crisis_insights",
  {
    crisisId: integer("crisis_id")
      .notNull()
      .references(() => crises.id, { onDelete: "cascade" }),
    insightId: bigint("insight_id", { mode: "number" })
      .notNull()
      .references(() => insights.id, { onDelete: "cascade" }),
    addedBy: integer("added_by").references(() => users.id, { onDelete: "set null" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.crisisId, t.insightId] }), index("crisis_insights_insight_idx").on(t.insightId), index("crisis_insights_added_by_idx").on(t.addedBy)],
);

/** The room's timeline: everything that happened in a crisis, with who and when. */
export const crisisEvents = pgTable(
  "crisis_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    crisisId: integer("crisis_id")
      .notNull()
      .references(() => crises.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** One of CRISIS_EVENT_KINDS. */
    kind: text("kind").notNull(),
    stepId: integer("step_id").references(() => crisisSteps.id, { onDelete: "cascade" }),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("crisis_events_crisis_idx").on(t.crisisId, t.at, t.id),
    index("crisis_events_actor_idx").on(t.actorId),
    index("crisis_events_step_idx").on(t.stepId),
  ],
);

export const advocateKindEnum = pgEnum("advocate_kind", ADVOCATE_KINDS);
export const consentMethodEnum = pgEnum("consent_method", CONSENT_METHODS);

/**
 * People who can speak for the company in a crisis: its own people (linked to their user) and
 * supporters outside it. Each with the consent on record (when, for what, how given; it may
 * expire or be revoked, which excludes them from any briefing at once).
 */
export const advocates = pgTable(
  "advocates",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    kind: advocateKindEnum("kind").notNull(),
    /** For employees: their user (name and e-mail follow the user's). */
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    /** Where they speak: [{ platform, handle }]. */
    platforms: jsonb("platforms").$type<{ platform: string; handle: string }[]>().notNull().default([]),
    languages: text("languages").array().notNull().default(sql`'{}'`),
    topics: text("topics").array().notNull().default(sql`'{}'`),
    consentAt: timestamp("consent_at", { withTimezone: true }),
    consentScope: text("consent_scope"),
    consentMethod: consentMethodEnum("consent_method"),
    consentExpiresAt: timestamp("consent_expires_at", { withTimezone: true }),
    consentRevokedAt: timestamp("consent_revoked_at", { withTimezone: true }),
    note: text("note"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("advocates_user_unique").on(t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex("advocates_email_unique").on(sql`lower(${t.email})`),
    index("advocates_created_by_idx").on(t.createdBy),
    index("advocates_name_idx").on(t.name),
  ],
);

/** A briefing sent to advocates in a crisis: what happened, the statement, dos and don'ts, links. */
export const crisisBriefings = pgTable(
  "crisis_briefings",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    crisisId: integer("crisis_id")
      .notNull()
      .references(() => crises.id, { onDelete: "cascade" }),
    message: text("message").notNull(),
    statement: text("statement"),
    dos: text("dos"),
    donts: text("donts"),
    links: text("links").array().notNull().default(sql`'{}'`),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("crisis_briefings_crisis_idx").on(t.crisisId, t.createdAt), index("crisis_briefings_created_by_idx").on(t.createdBy)],
);

/**
 * One advocate's copy of a briefing: when it went out, when they confirmed reading it, and what
 * they reported doing (a link to their post). The platforms are those they used when briefed, so
 * the reach per platform stays right when their profile changes or they are erased.
 */
export const crisisBriefingRecipients = pgTable(
  "crisis_briefing_recipients",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    briefingId: integer("briefing_id")
      .notNull()
      .references(() => crisisBriefings.id, { onDelete: "cascade" }),
    advocateId: integer("advocate_id").references(() => advocates.id, { onDelete: "set null" }),
    platforms: text("platforms").array().notNull().default(sql`'{}'`),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    actedAt: timestamp("acted_at", { withTimezone: true }),
    actionUrl: text("action_url"),
    actionNote: text("action_note"),
  },
  (t) => [
    uniqueIndex("crisis_briefing_recipients_unique").on(t.briefingId, t.advocateId),
    index("crisis_briefing_recipients_advocate_idx").on(t.advocateId),
  ],
);

/**
 * A holding statement used in a crisis: the approved version it came from, its approved text at
 * that moment, the text as adapted for this crisis (the room shows the difference), and where
 * it was posted.
 */
export const crisisStatements = pgTable(
  "crisis_statements",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    crisisId: integer("crisis_id")
      .notNull()
      .references(() => crises.id, { onDelete: "cascade" }),
    versionId: integer("version_id").references(() => guidelineVersions.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    language: text("language"),
    approvedText: text("approved_text").notNull(),
    text: text("text").notNull(),
    channelIds: integer("channel_ids").array().notNull().default(sql`'{}'`),
    postedNote: text("posted_note"),
    usedBy: integer("used_by").references(() => users.id, { onDelete: "set null" }),
    usedAt: timestamp("used_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("crisis_statements_crisis_idx").on(t.crisisId, t.usedAt),
    index("crisis_statements_version_idx").on(t.versionId),
    index("crisis_statements_used_by_idx").on(t.usedBy),
  ],
);

/**
 * Single sign-on: which role (and department) a group of the company directory grants. Edited in
 * Admin → Single sign-on, preset by OIDC_GROUP_MAP; see lib/auth/group-map.ts.
 */
export const ssoGroupMappings = pgTable(
  "sso_group_mappings",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    groupName: text("group_name").notNull(),
    role: roleEnum("role").notNull(),
    /** Required for department heads; a deleted department takes its mappings with it. */
    departmentId: integer("department_id").references(() => departments.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("sso_group_mappings_group_unique").on(t.groupName), index("sso_group_mappings_department_idx").on(t.departmentId)],
);

/** Single-use recovery codes of a user's two-factor authentication (bcrypt hashes, never the codes). */
export const userRecoveryCodes = pgTable(
  "user_recovery_codes",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("user_recovery_codes_user_idx").on(t.userId)],
);

/** Settings admins change at run time (one row per key, JSON value). */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const subjectRequestKindEnum = pgEnum("subject_request_kind", SUBJECT_REQUEST_KINDS);
export const subjectRequestStatusEnum = pgEnum("subject_request_status", SUBJECT_REQUEST_STATUSES);

/**
 * A data subject's request (access or erasure) about one social media author. What is kept for
 * good is a keyed hash and a masked form of the handle, the dates and the outcome; the handle
 * itself is kept sealed only while the request is open (to search and export), so a completed
 * erasure leaves the handle nowhere in the database.
 */
export const subjectRequests = pgTable(
  "subject_requests",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    kind: subjectRequestKindEnum("kind").notNull(),
    platform: platformEnum("platform").notNull(),
    handleHash: text("handle_hash").notNull(),
    handleMasked: text("handle_masked").notNull(),
    /** Sealed under ENCRYPTION_KEY while open; null once completed. */
    handleSealed: text("handle_sealed"),
    /** How the request came in (letter, e-mail, form) and its reference; no personal data. */
    note: text("note"),
    status: subjectRequestStatusEnum("status").notNull().default("open"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    requestedBy: integer("requested_by").references(() => users.id, { onDelete: "set null" }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedBy: integer("completed_by").references(() => users.id, { onDelete: "set null" }),
    /** What was found, exported or erased, as counts per kind of trace. */
    outcome: jsonb("outcome").$type<Record<string, number>>(),
  },
  (t) => [
    index("subject_requests_requested_idx").on(t.requestedAt, t.id),
    index("subject_requests_requested_by_idx").on(t.requestedBy),
    index("subject_requests_completed_by_idx").on(t.completedBy),
  ],
);

export type SubjectRequest = typeof subjectRequests.$inferSelect;
export type SsoGroupMapping = typeof ssoGroupMappings.$inferSelect;
export type Advocate = typeof advocates.$inferSelect;
export type Crisis = typeof crises.$inferSelect;
export type Playbook = typeof playbooks.$inferSelect;
export type PlaybookStep = typeof playbookSteps.$inferSelect;
export type CrisisStep = typeof crisisSteps.$inferSelect;
export type CrisisEvent = typeof crisisEvents.$inferSelect;
export type Connector = typeof connectors.$inferSelect;
export type ConnectorRun = typeof connectorRuns.$inferSelect;
export type Alert = typeof alerts.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type RoutingRule = typeof routingRules.$inferSelect;
export type Insight = typeof insights.$inferSelect;
export type InsightEvent = typeof insightEvents.$inferSelect;
export type InsightSlaEvent = typeof insightSlaEvents.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type OutboxMail = typeof outboxMails.$inferSelect;

// ─── Measures and the integration score ──────────────────────────────────────

export const measureStatusEnum = pgEnum("measure_status", MEASURE_STATUSES);
export const costCategoryEnum = pgEnum("cost_category", COST_CATEGORIES);
export const benefitKindEnum = pgEnum("benefit_kind", BENEFIT_KINDS);

/**
 * A campaign or initiative of one business process, with its costs and the benefit expected:
 * money (expected and, once known, realised, in cents) or a change of KPIs (measure_kpi_goals).
 * The result the cost is divided by is the sum of `result_kpi_id`'s values during the measure.
 */
export const measures = pgTable(
  "measures",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    businessProcessId: integer("business_process_id")
      .notNull()
      .references(() => businessProcesses.id),
    title: text("title").notNull(),
    goal: text("goal").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on"),
    status: measureStatusEnum("status").notNull().default("planned"),
    benefitKind: benefitKindEnum("benefit_kind").notNull(),
    expectedBenefitCents: bigint("expected_benefit_cents", { mode: "number" }),
    realisedBenefitCents: bigint("realised_benefit_cents", { mode: "number" }),
    benefitNote: text("benefit_note"),
    resultKpiId: integer("result_kpi_id").references(() => kpis.id, { onDelete: "set null" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("measures_process_idx").on(t.businessProcessId),
    index("measures_result_kpi_idx").on(t.resultKpiId),
    index("measures_created_by_idx").on(t.createdBy),
    check("measures_period_check", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check("measures_benefit_check", sql`coalesce(${t.expectedBenefitCents}, 0) >= 0 and coalesce(${t.realisedBenefitCents}, 0) >= 0`),
  ],
);

export const measureChannels = pgTable(
  "measure_channels",
  {
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    channelId: integer("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.channelId] }), index("measure_channels_channel_idx").on(t.channelId)],
);

/** Planned or actual cost: staff as hours × hourly rate, everything else as an amount (cents). */
export const measureCostItems = pgTable(
  "measure_cost_items",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    category: costCategoryEnum("category").notNull(),
    actual: boolean("actual").notNull(),
    description: text("description").notNull(),
    /** Hundredths of an hour, so hours stay exact. */
    hundredthHours: integer("hundredth_hours"),
    hourlyRateCents: bigint("hourly_rate_cents", { mode: "number" }),
    amountCents: bigint("amount_cents", { mode: "number" }),
    incurredOn: date("incurred_on"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("measure_cost_items_measure_idx").on(t.measureId),
    index("measure_cost_items_created_by_idx").on(t.createdBy),
    check(
      "measure_cost_items_amount_check",
      sql`(${t.category} = 'staff' and ${t.hundredthHours} >= 0 and ${t.hourlyRateCents} >= 0 and ${t.amountCents} is null)
        or (${t.category} <> 'staff' and ${t.amountCents} >= 0 and ${t.hundredthHours} is null and ${t.hourlyRateCents} is null)`,
    ),
  ],
);

/** The KPIs a measure is to move, from a baseline to a target. */
export const measureKpiGoals = pgTable(
  "measure_kpi_goals",
  {
    measureId: integer("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    kpiId: integer("kpi_id")
      .notNull()
      .references(() => kpis.id, { onDelete: "cascade" }),
    baseline: doublePrecision("baseline").notNull(),
    target: doublePrecision("target").notNull(),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.kpiId] }), index("measure_kpi_goals_kpi_idx").on(t.kpiId)],
);

/** The integration score per department and month (`month` = the 1st), written by a monthly job. */
export const integrationScores = pgTable(
  "integration_scores",
  {
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "cascade" }),
    month: date("month").notNull(),
    total: integer("total").notNull(),
    criteria: jsonb("criteria").$type<Record<string, number>>().notNull(),
    facts: jsonb("facts").$type<Record<string, number | null>>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.month] }), index("integration_scores_month_idx").on(t.month)],
);
