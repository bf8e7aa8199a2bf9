CREATE TYPE "public"."connector_kind" AS ENUM('feed', 'mastodon', 'youtube', 'meta', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."connector_run_outcome" AS ENUM('ok', 'not_modified', 'failed');--> statement-breakpoint
CREATE TYPE "public"."connector_run_trigger" AS ENUM('schedule', 'manual', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."connector_status" AS ENUM('ok', 'failing', 'paused');--> statement-breakpoint
CREATE TABLE "connector_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "connector_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"connector_id" integer NOT NULL,
	"trigger" "connector_run_trigger" NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"outcome" "connector_run_outcome" NOT NULL,
	"fetched" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "connectors" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "connectors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "connector_kind" NOT NULL,
	"name" text NOT NULL,
	"channel_id" integer NOT NULL,
	"category" "insight_category",
	"url" text,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"secrets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cursor" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "connector_status" DEFAULT 'ok' NOT NULL,
	"paused_reason" text,
	"interval_minutes" integer DEFAULT 15 NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"next_run_at" timestamp with time zone,
	"last_run_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error_code" text,
	"last_error" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connector_runs" ADD CONSTRAINT "connector_runs_connector_id_connectors_id_fk" FOREIGN KEY ("connector_id") REFERENCES "public"."connectors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connector_runs_connector_idx" ON "connector_runs" USING btree ("connector_id","started_at","id");--> statement-breakpoint
CREATE INDEX "connectors_channel_idx" ON "connectors" USING btree ("channel_id");--> statement-breakpoint
CREATE INDEX "connectors_due_idx" ON "connectors" USING btree ("next_run_at") WHERE status <> 'paused';--> statement-breakpoint
CREATE INDEX "connectors_created_by_idx" ON "connectors" USING btree ("created_by");