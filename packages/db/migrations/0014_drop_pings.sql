DROP TABLE "pings" CASCADE;
--> statement-breakpoint
-- The event type left the catalog with the table: a ping still unpublished would fail the relay's
-- catalog check on every poll, forever.
DELETE FROM "outbox" WHERE "type" = 'system.ping.v1' AND "published_at" IS NULL;
