CREATE TYPE "public"."sla_transition" AS ENUM('due_soon', 'overdue');--> statement-breakpoint
CREATE TABLE "insight_sla_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "insight_sla_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"insight_id" bigint NOT NULL,
	"kind" "sla_transition" NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"department_id" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"position" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "insight_sla_events" ADD CONSTRAINT "insight_sla_events_insight_id_insights_id_fk" FOREIGN KEY ("insight_id") REFERENCES "public"."insights"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_sla_events" ADD CONSTRAINT "insight_sla_events_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "insight_sla_events_unique" ON "insight_sla_events" USING btree ("insight_id","kind","due_at");--> statement-breakpoint
CREATE INDEX "insight_sla_events_department_idx" ON "insight_sla_events" USING btree ("department_id") WHERE "insight_sla_events"."department_id" is not null;--> statement-breakpoint
CREATE INDEX "insights_open_due_idx" ON "insights" USING btree ("sla_due_at") WHERE "insights"."status" in ('routed', 'accepted');