ALTER TYPE "public"."kpi_unit" ADD VALUE 'percent_unbounded' BEFORE 'eur';--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"token_id" integer NOT NULL,
	"route" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_token_id_route_key_pk" PRIMARY KEY("token_id","route","key")
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "since" date;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
-- Alerts opened before this column existed: their latest period is the best "since" we know.
UPDATE "alerts" SET "since" = "period_start" WHERE "since" IS NULL;
