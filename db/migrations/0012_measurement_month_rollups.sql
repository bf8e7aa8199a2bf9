CREATE TABLE "measurement_months" (
	"kpi_id" integer NOT NULL,
	"month" date NOT NULL,
	"sum" double precision NOT NULL,
	"count" integer NOT NULL,
	"last_on" date,
	"last_id" bigint,
	"last_value" double precision,
	CONSTRAINT "measurement_months_month_kpi_id_pk" PRIMARY KEY("month","kpi_id")
);
