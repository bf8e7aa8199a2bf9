CREATE TABLE "insight_flow_buckets" (
	"department_id" integer NOT NULL,
	"monthly" boolean NOT NULL,
	"kind" integer NOT NULL,
	"day" date NOT NULL,
	"bucket" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "insight_flow_buckets_department_id_monthly_kind_day_bucket_pk" PRIMARY KEY("department_id","monthly","kind","day","bucket")
);
--> statement-breakpoint
CREATE TABLE "insight_flow_days" (
	"department_id" integer NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"reacted" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"sla_met" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "insight_flow_days_department_id_day_pk" PRIMARY KEY("department_id","day")
);
--> statement-breakpoint
CREATE TABLE "insight_flow_open" (
	"department_id" integer NOT NULL,
	"day" date NOT NULL,
	"due_day" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "insight_flow_open_department_id_day_due_day_pk" PRIMARY KEY("department_id","day","due_day")
);
--> statement-breakpoint
CREATE TABLE "insight_flow_triage" (
	"status" "insight_status" NOT NULL,
	"day" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "insight_flow_triage_status_day_pk" PRIMARY KEY("status","day")
);
--> statement-breakpoint
CREATE INDEX "insights_department_routed_idx" ON "insights" USING btree ("department_id","routed_at","sla_due_at","accepted_at","resolved_at","declined_at","status");--> statement-breakpoint
CREATE INDEX "insights_status_dismissed_idx" ON "insights" USING btree ("status","dismissed_at");