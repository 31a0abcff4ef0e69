-- Custom SQL migration file, put your code below! --
-- hand-written below
-- "Did you mean" asks for the few names closest to an unknown one. A GIN trigram index can only answer
-- `name % $1`: every name sharing a trigram is read and ranked (1,855 candidates for "mountian" among the
-- bench's 20k tags). A GiST trigram index walks names in distance order (`name <-> $1`, a k-nearest-
-- neighbour scan) and stops after the first 20: 18-25 ms against 101-141 ms average under the same load
-- (pgbench on the 100k/20k bench database, 12 misspellings). Nothing else uses the GIN indexes.
DROP INDEX IF EXISTS "tags_name_trgm_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "tag_aliases_name_trgm_idx";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tags_name_trgm_knn_idx" ON "tags" USING gist ("name" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tag_aliases_name_trgm_knn_idx" ON "tag_aliases" USING gist ("name" gist_trgm_ops);
