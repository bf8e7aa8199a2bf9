CREATE TYPE "public"."advocate_kind" AS ENUM('employee', 'fan', 'partner', 'customer');--> statement-breakpoint
CREATE TYPE "public"."consent_method" AS ENUM('written', 'email', 'online_form', 'in_person');--> statement-breakpoint
CREATE TABLE "advocates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "advocates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "advocate_kind" NOT NULL,
	"user_id" integer,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"platforms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"consent_at" timestamp with time zone,
	"consent_scope" text,
	"consent_method" "consent_method",
	"consent_expires_at" timestamp with time zone,
	"consent_revoked_at" timestamp with time zone,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "advocates" ADD CONSTRAINT "advocates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocates" ADD CONSTRAINT "advocates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advocates_user_unique" ON "advocates" USING btree ("user_id") WHERE "advocates"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "advocates_email_unique" ON "advocates" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "advocates_created_by_idx" ON "advocates" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "advocates_name_idx" ON "advocates" USING btree ("name");