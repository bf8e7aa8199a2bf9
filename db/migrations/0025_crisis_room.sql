CREATE TYPE "public"."crisis_status" AS ENUM('draft', 'active', 'closed', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."crisis_step_role" AS ENUM('manager', 'department_head', 'executive');--> statement-breakpoint
CREATE TYPE "public"."crisis_type" AS ENUM('product_defect', 'service_outage', 'employer_branding', 'data_breach', 'other');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'crisis_step_overdue';--> statement-breakpoint
CREATE TABLE "crises" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crises_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"status" "crisis_status" NOT NULL,
	"severity" integer NOT NULL,
	"crisis_type" "crisis_type",
	"started_at" timestamp with time zone NOT NULL,
	"lead_id" integer,
	"playbook_id" integer,
	"alert_id" integer,
	"summary" text,
	"lessons_learned" text,
	"opened_by" integer,
	"confirmed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crises_severity_range" CHECK ("crises"."severity" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "crisis_channels" (
	"crisis_id" integer NOT NULL,
	"channel_id" integer NOT NULL,
	CONSTRAINT "crisis_channels_crisis_id_channel_id_pk" PRIMARY KEY("crisis_id","channel_id")
);
--> statement-breakpoint
CREATE TABLE "crisis_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crisis_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"crisis_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" integer,
	"kind" text NOT NULL,
	"step_id" integer,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_insights" (
	"crisis_id" integer NOT NULL,
	"insight_id" bigint NOT NULL,
	"added_by" integer,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "crisis_insights_crisis_id_insight_id_pk" PRIMARY KEY("crisis_id","insight_id")
);
--> statement-breakpoint
CREATE TABLE "crisis_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crisis_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"crisis_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"responsible_role" "crisis_step_role",
	"department_id" integer,
	"assignee_id" integer,
	"done_at" timestamp with time zone,
	"done_by" integer,
	"overdue_notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "crisis_topics" (
	"crisis_id" integer NOT NULL,
	"topic" text NOT NULL,
	"folded" text NOT NULL,
	"open" boolean DEFAULT true NOT NULL,
	CONSTRAINT "crisis_topics_crisis_id_folded_pk" PRIMARY KEY("crisis_id","folded")
);
--> statement-breakpoint
CREATE TABLE "playbook_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "playbook_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"playbook_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"due_offset_minutes" integer NOT NULL,
	"responsible_role" "crisis_step_role",
	"responsible_department_kind" "department_kind"
);
--> statement-breakpoint
CREATE TABLE "playbooks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "playbooks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"crisis_type" "crisis_type" NOT NULL,
	"description" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_lead_id_users_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_playbook_id_playbooks_id_fk" FOREIGN KEY ("playbook_id") REFERENCES "public"."playbooks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_channels" ADD CONSTRAINT "crisis_channels_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_channels" ADD CONSTRAINT "crisis_channels_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_events" ADD CONSTRAINT "crisis_events_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_events" ADD CONSTRAINT "crisis_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_events" ADD CONSTRAINT "crisis_events_step_id_crisis_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."crisis_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_insights" ADD CONSTRAINT "crisis_insights_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_insights" ADD CONSTRAINT "crisis_insights_insight_id_insights_id_fk" FOREIGN KEY ("insight_id") REFERENCES "public"."insights"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_insights" ADD CONSTRAINT "crisis_insights_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_steps" ADD CONSTRAINT "crisis_steps_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_steps" ADD CONSTRAINT "crisis_steps_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_steps" ADD CONSTRAINT "crisis_steps_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_steps" ADD CONSTRAINT "crisis_steps_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_topics" ADD CONSTRAINT "crisis_topics_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbook_steps" ADD CONSTRAINT "playbook_steps_playbook_id_playbooks_id_fk" FOREIGN KEY ("playbook_id") REFERENCES "public"."playbooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbooks" ADD CONSTRAINT "playbooks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crises_status_started_idx" ON "crises" USING btree ("status","started_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "crises_alert_unique" ON "crises" USING btree ("alert_id");--> statement-breakpoint
CREATE INDEX "crises_lead_idx" ON "crises" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "crises_playbook_idx" ON "crises" USING btree ("playbook_id");--> statement-breakpoint
CREATE INDEX "crises_opened_by_idx" ON "crises" USING btree ("opened_by");--> statement-breakpoint
CREATE INDEX "crisis_channels_channel_idx" ON "crisis_channels" USING btree ("channel_id");--> statement-breakpoint
CREATE INDEX "crisis_events_crisis_idx" ON "crisis_events" USING btree ("crisis_id","at","id");--> statement-breakpoint
CREATE INDEX "crisis_events_actor_idx" ON "crisis_events" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "crisis_events_step_idx" ON "crisis_events" USING btree ("step_id");--> statement-breakpoint
CREATE INDEX "crisis_insights_insight_idx" ON "crisis_insights" USING btree ("insight_id");--> statement-breakpoint
CREATE INDEX "crisis_insights_added_by_idx" ON "crisis_insights" USING btree ("added_by");--> statement-breakpoint
CREATE UNIQUE INDEX "crisis_steps_position_unique" ON "crisis_steps" USING btree ("crisis_id","position");--> statement-breakpoint
CREATE INDEX "crisis_steps_department_idx" ON "crisis_steps" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "crisis_steps_assignee_idx" ON "crisis_steps" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "crisis_steps_done_by_idx" ON "crisis_steps" USING btree ("done_by");--> statement-breakpoint
CREATE INDEX "crisis_steps_open_due_idx" ON "crisis_steps" USING btree ("due_at") WHERE "crisis_steps"."done_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "crisis_topics_one_open" ON "crisis_topics" USING btree ("folded") WHERE "crisis_topics"."open";--> statement-breakpoint
CREATE UNIQUE INDEX "playbook_steps_position_unique" ON "playbook_steps" USING btree ("playbook_id","position");--> statement-breakpoint
CREATE INDEX "playbooks_created_by_idx" ON "playbooks" USING btree ("created_by");