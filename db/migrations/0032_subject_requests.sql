CREATE TYPE "public"."subject_request_kind" AS ENUM('access', 'erasure');--> statement-breakpoint
CREATE TYPE "public"."subject_request_status" AS ENUM('open', 'completed');--> statement-breakpoint
CREATE TABLE "subject_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subject_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "subject_request_kind" NOT NULL,
	"platform" "platform" NOT NULL,
	"handle_hash" text NOT NULL,
	"handle_masked" text NOT NULL,
	"handle_sealed" text,
	"note" text,
	"status" "subject_request_status" DEFAULT 'open' NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by" integer,
	"completed_at" timestamp with time zone,
	"completed_by" integer,
	"outcome" jsonb
);
--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subject_requests_requested_idx" ON "subject_requests" USING btree ("requested_at","id");--> statement-breakpoint
CREATE INDEX "subject_requests_requested_by_idx" ON "subject_requests" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "subject_requests_completed_by_idx" ON "subject_requests" USING btree ("completed_by");