ALTER TABLE "users" ADD COLUMN "username" text DEFAULT 'user-' || substr(md5(gen_random_uuid()::text), 1, 10) NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "wallpapers_uploader_newest_idx" ON "wallpapers" USING btree ("uploader_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_idx" ON "users" USING btree ("username");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_username_handle" CHECK ("users"."username" ~ '^[a-z0-9][a-z0-9_-]{1,29}$');--> statement-breakpoint
-- hand-written below
-- Every existing account gets its handle from its display name, by the rule new accounts follow
-- (`usernameFromName`, packages/auth/src/username.ts); a handle already taken by an older account
-- gets a short suffix from the id. Runs after the unique index: the random defaults above are unique.
WITH base AS (
  SELECT id, created_at,
    trim(both '-' from left(trim(both '-' from regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')), 24)) AS handle
  FROM users
), padded AS (
  SELECT id, created_at, CASE WHEN length(handle) < 2 THEN 'user' || handle ELSE handle END AS handle FROM base
), ranked AS (
  SELECT id, handle, row_number() OVER (PARTITION BY handle ORDER BY created_at, id) AS n FROM padded
)
UPDATE users u SET username = CASE WHEN r.n = 1 THEN r.handle ELSE r.handle || '-' || substr(md5(u.id), 1, 5) END
FROM ranked r WHERE r.id = u.id;
