ALTER TABLE "insights" ADD COLUMN "anonymized_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "insights_retention_idx" ON "insights" USING btree ("category","occurred_at") WHERE "insights"."anonymized_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_created_idx" ON "notifications" USING btree ("created_at");