CREATE TABLE "measurement_week_parts" (
	"kpi_id" integer NOT NULL,
	"starts_on" date NOT NULL,
	"sum" double precision NOT NULL,
	"count" integer NOT NULL,
	"last_on" date,
	"last_id" bigint,
	"last_value" double precision,
	CONSTRAINT "measurement_week_parts_starts_on_kpi_id_pk" PRIMARY KEY("starts_on","kpi_id")
);
