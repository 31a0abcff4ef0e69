CREATE TABLE "taken_down" (
	"sha256" text PRIMARY KEY NOT NULL,
	"reason" text,
	"taken_down_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "taken_down_sha256_hex" CHECK ("taken_down"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "taken_down" ADD CONSTRAINT "taken_down_taken_down_by_users_id_fk" FOREIGN KEY ("taken_down_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;