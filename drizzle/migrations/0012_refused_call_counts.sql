CREATE TABLE "refused_call_counts" (
	"actor" text NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"refused" integer NOT NULL,
	CONSTRAINT "refused_call_counts_actor_minute_pk" PRIMARY KEY("actor","minute")
);
