-- Custom SQL migration file, put your code below! --
-- hand-written below
-- "Did you mean" (packages/tags/src/did-you-mean.ts) ranks tag names and aliases by trigram similarity
-- to an unknown name. pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner may add it.
-- The GIN trigram indexes answer `name % $1` (similarity above pg_trgm.similarity_threshold, 0.3) from
-- the index; the existing text_pattern_ops indexes stay for autocomplete's prefix ranges.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tags_name_trgm_idx" ON "tags" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tag_aliases_name_trgm_idx" ON "tag_aliases" USING gin ("name" gin_trgm_ops);
