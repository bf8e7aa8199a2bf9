DROP INDEX "audit_log_created_idx";--> statement-breakpoint
DROP INDEX "insights_status_created_idx";--> statement-breakpoint
DROP INDEX "insights_occurred_idx";--> statement-breakpoint
DROP INDEX "audit_log_entity_idx";--> statement-breakpoint
DROP INDEX "audit_log_actor_idx";--> statement-breakpoint
DROP INDEX "insights_department_inbox_idx";--> statement-breakpoint
ALTER TABLE "insights" ADD COLUMN "text_folded" text GENERATED ALWAYS AS (search_fold(text)) STORED;--> statement-breakpoint
CREATE INDEX "alerts_kpi_idx" ON "alerts" USING btree ("kpi_id");--> statement-breakpoint
CREATE INDEX "alerts_department_idx" ON "alerts" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "alerts_acknowledged_by_idx" ON "alerts" USING btree ("acknowledged_by");--> statement-breakpoint
CREATE INDEX "api_tokens_created_by_idx" ON "api_tokens" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "audit_log_created_id_idx" ON "audit_log" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_type_idx" ON "audit_log" USING btree ("entity_type","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","created_at","id");--> statement-breakpoint
CREATE INDEX "channels_owner_idx" ON "channels" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "channels_deputy_idx" ON "channels" USING btree ("deputy_id");--> statement-breakpoint
CREATE INDEX "departments_head_idx" ON "departments" USING btree ("head_user_id");--> statement-breakpoint
CREATE INDEX "guideline_signoffs_signatory_idx" ON "guideline_signoffs" USING btree ("signatory_id");--> statement-breakpoint
CREATE INDEX "guideline_signoffs_recorded_by_idx" ON "guideline_signoffs" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "guideline_version_channels_channel_idx" ON "guideline_version_channels" USING btree ("channel_id");--> statement-breakpoint
CREATE INDEX "guideline_version_departments_department_idx" ON "guideline_version_departments" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "guideline_versions_created_by_idx" ON "guideline_versions" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "guidelines_created_by_idx" ON "guidelines" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "insight_events_rule_idx" ON "insight_events" USING btree ("rule_id") WHERE "insight_events"."rule_id" is not null;--> statement-breakpoint
CREATE INDEX "insight_events_actor_idx" ON "insight_events" USING btree ("actor_id") WHERE "insight_events"."actor_id" is not null;--> statement-breakpoint
CREATE INDEX "insight_events_from_department_idx" ON "insight_events" USING btree ("from_department_id") WHERE "insight_events"."from_department_id" is not null;--> statement-breakpoint
CREATE INDEX "insight_events_to_department_idx" ON "insight_events" USING btree ("to_department_id") WHERE "insight_events"."to_department_id" is not null;--> statement-breakpoint
CREATE INDEX "insights_occurred_id_idx" ON "insights" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "insights_status_occurred_idx" ON "insights" USING btree ("status","occurred_at","id");--> statement-breakpoint
CREATE INDEX "insights_department_occurred_idx" ON "insights" USING btree ("department_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "insights_department_status_occurred_idx" ON "insights" USING btree ("department_id","status","occurred_at","id");--> statement-breakpoint
CREATE INDEX "insights_category_occurred_idx" ON "insights" USING btree ("category","occurred_at","id");--> statement-breakpoint
CREATE INDEX "insights_channel_occurred_idx" ON "insights" USING btree ("channel_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "insights_rule_idx" ON "insights" USING btree ("rule_id") WHERE "insights"."rule_id" is not null;--> statement-breakpoint
CREATE INDEX "insights_text_trgm_idx" ON "insights" USING gin ("text_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "kpis_channel_idx" ON "kpis" USING btree ("channel_id");--> statement-breakpoint
CREATE INDEX "measurements_recorded_by_idx" ON "measurements" USING btree ("recorded_by") WHERE "measurements"."recorded_by" is not null;--> statement-breakpoint
CREATE INDEX "revoked_sessions_user_idx" ON "revoked_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "routing_rules_department_idx" ON "routing_rules" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","created_at","id");--> statement-breakpoint
CREATE INDEX "insights_department_inbox_idx" ON "insights" USING btree ("department_id","status","sla_due_at","occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);