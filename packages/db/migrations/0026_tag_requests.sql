CREATE TYPE "public"."tag_request_kind" AS ENUM('alias', 'implication');--> statement-breakpoint
CREATE TYPE "public"."tag_request_status" AS ENUM('pending', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TABLE "tag_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tag_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "tag_request_kind" NOT NULL,
	"status" "tag_request_status" DEFAULT 'pending' NOT NULL,
	"antecedent" text NOT NULL,
	"consequent" text NOT NULL,
	"reason" text NOT NULL,
	"proposed_by" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tag_requests_not_self" CHECK ("tag_requests"."antecedent" <> "tag_requests"."consequent"),
	CONSTRAINT "tag_requests_reason_length" CHECK (char_length("tag_requests"."reason") between 1 and 1000),
	CONSTRAINT "tag_requests_note_length" CHECK ("tag_requests"."note" is null or char_length("tag_requests"."note") <= 1000),
	CONSTRAINT "tag_requests_decided" CHECK (("tag_requests"."status" = 'pending') = ("tag_requests"."decided_at" is null))
);
--> statement-breakpoint
ALTER TABLE "tag_requests" ADD CONSTRAINT "tag_requests_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tag_requests" ADD CONSTRAINT "tag_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tag_requests_open_idx" ON "tag_requests" USING btree ("kind","antecedent","consequent") WHERE "tag_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "tag_requests_list_idx" ON "tag_requests" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tag_requests_proposed_by_idx" ON "tag_requests" USING btree ("proposed_by","created_at" DESC NULLS LAST);