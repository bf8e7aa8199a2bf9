CREATE TYPE "public"."benefit_kind" AS ENUM('money', 'kpis');--> statement-breakpoint
CREATE TYPE "public"."cost_category" AS ENUM('staff', 'agency', 'paid_media', 'tools', 'other');--> statement-breakpoint
CREATE TYPE "public"."measure_status" AS ENUM('planned', 'running', 'completed', 'stopped');--> statement-breakpoint
CREATE TABLE "integration_scores" (
	"department_id" integer NOT NULL,
	"month" date NOT NULL,
	"total" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"facts" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_scores_department_id_month_pk" PRIMARY KEY("department_id","month")
);
--> statement-breakpoint
CREATE TABLE "measure_channels" (
	"measure_id" integer NOT NULL,
	"channel_id" integer NOT NULL,
	CONSTRAINT "measure_channels_measure_id_channel_id_pk" PRIMARY KEY("measure_id","channel_id")
);
--> statement-breakpoint
CREATE TABLE "measure_cost_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "measure_cost_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"measure_id" integer NOT NULL,
	"category" "cost_category" NOT NULL,
	"actual" boolean NOT NULL,
	"description" text NOT NULL,
	"hundredth_hours" integer,
	"hourly_rate_cents" bigint,
	"amount_cents" bigint,
	"incurred_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_cost_items_amount_check" CHECK (("measure_cost_items"."category" = 'staff' and "measure_cost_items"."hundredth_hours" >= 0 and "measure_cost_items"."hourly_rate_cents" >= 0 and "measure_cost_items"."amount_cents" is null)
        or ("measure_cost_items"."category" <> 'staff' and "measure_cost_items"."amount_cents" >= 0 and "measure_cost_items"."hundredth_hours" is null and "measure_cost_items"."hourly_rate_cents" is null))
);
--> statement-breakpoint
CREATE TABLE "measure_kpi_goals" (
	"measure_id" integer NOT NULL,
	"kpi_id" integer NOT NULL,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	CONSTRAINT "measure_kpi_goals_measure_id_kpi_id_pk" PRIMARY KEY("measure_id","kpi_id")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "measures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"business_process_id" integer NOT NULL,
	"title" text NOT NULL,
	"goal" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"status" "measure_status" DEFAULT 'planned' NOT NULL,
	"benefit_kind" "benefit_kind" NOT NULL,
	"expected_benefit_cents" bigint,
	"realised_benefit_cents" bigint,
	"benefit_note" text,
	"result_kpi_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measures_period_check" CHECK ("measures"."ends_on" is null or "measures"."ends_on" >= "measures"."starts_on"),
	CONSTRAINT "measures_benefit_check" CHECK (coalesce("measures"."expected_benefit_cents", 0) >= 0 and coalesce("measures"."realised_benefit_cents", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "kpis" ADD COLUMN "derived" jsonb;--> statement-breakpoint
ALTER TABLE "integration_scores" ADD CONSTRAINT "integration_scores_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_channels" ADD CONSTRAINT "measure_channels_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_channels" ADD CONSTRAINT "measure_channels_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_cost_items" ADD CONSTRAINT "measure_cost_items_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_cost_items" ADD CONSTRAINT "measure_cost_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_kpi_goals" ADD CONSTRAINT "measure_kpi_goals_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_kpi_goals" ADD CONSTRAINT "measure_kpi_goals_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_business_process_id_business_processes_id_fk" FOREIGN KEY ("business_process_id") REFERENCES "public"."business_processes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_result_kpi_id_kpis_id_fk" FOREIGN KEY ("result_kpi_id") REFERENCES "public"."kpis"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integration_scores_month_idx" ON "integration_scores" USING btree ("month");--> statement-breakpoint
CREATE INDEX "measure_channels_channel_idx" ON "measure_channels" USING btree ("channel_id");--> statement-breakpoint
CREATE INDEX "measure_cost_items_measure_idx" ON "measure_cost_items" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "measure_cost_items_created_by_idx" ON "measure_cost_items" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "measure_kpi_goals_kpi_idx" ON "measure_kpi_goals" USING btree ("kpi_id");--> statement-breakpoint
CREATE INDEX "measures_process_idx" ON "measures" USING btree ("business_process_id");--> statement-breakpoint
CREATE INDEX "measures_result_kpi_idx" ON "measures" USING btree ("result_kpi_id");--> statement-breakpoint
CREATE INDEX "measures_created_by_idx" ON "measures" USING btree ("created_by");