ALTER TYPE "public"."notification_kind" ADD VALUE 'crisis_briefing';--> statement-breakpoint
CREATE TABLE "crisis_briefing_recipients" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crisis_briefing_recipients_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"briefing_id" integer NOT NULL,
	"advocate_id" integer,
	"platforms" text[] DEFAULT '{}' NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"acted_at" timestamp with time zone,
	"action_url" text,
	"action_note" text
);
--> statement-breakpoint
CREATE TABLE "crisis_briefings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "crisis_briefings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"crisis_id" integer NOT NULL,
	"message" text NOT NULL,
	"statement" text,
	"dos" text,
	"donts" text,
	"links" text[] DEFAULT '{}' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crisis_briefing_recipients" ADD CONSTRAINT "crisis_briefing_recipients_briefing_id_crisis_briefings_id_fk" FOREIGN KEY ("briefing_id") REFERENCES "public"."crisis_briefings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_briefing_recipients" ADD CONSTRAINT "crisis_briefing_recipients_advocate_id_advocates_id_fk" FOREIGN KEY ("advocate_id") REFERENCES "public"."advocates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_briefings" ADD CONSTRAINT "crisis_briefings_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_briefings" ADD CONSTRAINT "crisis_briefings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crisis_briefing_recipients_unique" ON "crisis_briefing_recipients" USING btree ("briefing_id","advocate_id");--> statement-breakpoint
CREATE INDEX "crisis_briefing_recipients_advocate_idx" ON "crisis_briefing_recipients" USING btree ("advocate_id");--> statement-breakpoint
CREATE INDEX "crisis_briefings_crisis_idx" ON "crisis_briefings" USING btree ("crisis_id","created_at");--> statement-breakpoint
CREATE INDEX "crisis_briefings_created_by_idx" ON "crisis_briefings" USING btree ("created_by");