ALTER TYPE "public"."notification_kind" ADD VALUE 'kpi_alert';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'crisis_alert';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'guideline_published';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'guideline_reminder';