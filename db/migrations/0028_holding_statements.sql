CREATE TYPE "public"."guideline_kind" AS ENUM('guideline', 'holding_statement');--> statement-breakpoint
ALTER TYPE "public"."signoff_function" ADD VALUE 'communications';--> statement-breakpoint
CREATE TABLE "crisis_statements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crisis_statements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"crisis_id" integer NOT NULL,
	"version_id" integer,
	"title" text NOT NULL,
	"language" text,
	"approved_text" text NOT NULL,
	"text" text NOT NULL,
	"channel_ids" integer[] DEFAULT '{}' NOT NULL,
	"posted_note" text,
	"used_by" integer,
	"used_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "guidelines" ADD COLUMN "kind" "guideline_kind" DEFAULT 'guideline' NOT NULL;--> statement-breakpoint
ALTER TABLE "guidelines" ADD COLUMN "crisis_type" "crisis_type";--> statement-breakpoint
ALTER TABLE "guidelines" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "crisis_statements" ADD CONSTRAINT "crisis_statements_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_statements" ADD CONSTRAINT "crisis_statements_version_id_guideline_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."guideline_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_statements" ADD CONSTRAINT "crisis_statements_used_by_users_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crisis_statements_crisis_idx" ON "crisis_statements" USING btree ("crisis_id","used_at");--> statement-breakpoint
CREATE INDEX "crisis_statements_version_idx" ON "crisis_statements" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "crisis_statements_used_by_idx" ON "crisis_statements" USING btree ("used_by");--> statement-breakpoint
CREATE INDEX "guidelines_kind_idx" ON "guidelines" USING btree ("kind","crisis_type");