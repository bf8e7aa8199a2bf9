ALTER TYPE "public"."insight_event_type" ADD VALUE 'no_action';--> statement-breakpoint
ALTER TYPE "public"."insight_event_type" ADD VALUE 'spam';--> statement-breakpoint
ALTER TYPE "public"."insight_event_type" ADD VALUE 'reopened';--> statement-breakpoint
ALTER TYPE "public"."insight_status" ADD VALUE 'no_action';--> statement-breakpoint
ALTER TYPE "public"."insight_status" ADD VALUE 'spam';--> statement-breakpoint
ALTER TABLE "insights" ADD COLUMN "dismissed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "insights_author_text_idx" ON "insights" USING btree ("author_handle",md5("text"));