ALTER TABLE "guideline_signoffs" ADD COLUMN "signatory_id" integer;--> statement-breakpoint
ALTER TABLE "guideline_signoffs" ADD COLUMN "on_behalf_reference" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "signoff_functions" "signoff_function"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "guideline_signoffs" ADD CONSTRAINT "guideline_signoffs_signatory_id_users_id_fk" FOREIGN KEY ("signatory_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;