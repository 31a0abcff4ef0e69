DROP INDEX "wallpaper_hashes_chunk_0_idx";--> statement-breakpoint
DROP INDEX "wallpaper_hashes_chunk_1_idx";--> statement-breakpoint
DROP INDEX "wallpaper_hashes_chunk_2_idx";--> statement-breakpoint
DROP INDEX "wallpaper_hashes_chunk_3_idx";--> statement-breakpoint
DROP INDEX "wallpaper_hashes_whole_0_idx";--> statement-breakpoint
DROP INDEX "wallpaper_hashes_whole_1_idx";--> statement-breakpoint
DROP INDEX "wallpaper_hashes_whole_2_idx";--> statement-breakpoint
DROP INDEX "wallpaper_hashes_whole_3_idx";--> statement-breakpoint
CREATE INDEX "wallpaper_hashes_chunk_0_hash_idx" ON "wallpaper_hashes" USING btree ((("hash" >> 42) & 4194303),"hash");--> statement-breakpoint
CREATE INDEX "wallpaper_hashes_whole_0_hash_idx" ON "wallpaper_hashes" USING btree ((("hash" >> 42) & 4194303),"hash") WHERE "wallpaper_hashes"."scale" = 100;--> statement-breakpoint
CREATE INDEX "wallpaper_hashes_chunk_1_hash_idx" ON "wallpaper_hashes" USING btree ((("hash" >> 21) & 2097151),"hash");--> statement-breakpoint
CREATE INDEX "wallpaper_hashes_whole_1_hash_idx" ON "wallpaper_hashes" USING btree ((("hash" >> 21) & 2097151),"hash") WHERE "wallpaper_hashes"."scale" = 100;--> statement-breakpoint
CREATE INDEX "wallpaper_hashes_chunk_2_hash_idx" ON "wallpaper_hashes" USING btree ((("hash" >> 0) & 2097151),"hash");--> statement-breakpoint
CREATE INDEX "wallpaper_hashes_whole_2_hash_idx" ON "wallpaper_hashes" USING btree ((("hash" >> 0) & 2097151),"hash") WHERE "wallpaper_hashes"."scale" = 100;--> statement-breakpoint
ALTER TABLE "wallpaper_hashes" DROP COLUMN "chunk_0";--> statement-breakpoint
ALTER TABLE "wallpaper_hashes" DROP COLUMN "chunk_1";--> statement-breakpoint
ALTER TABLE "wallpaper_hashes" DROP COLUMN "chunk_2";--> statement-breakpoint
ALTER TABLE "wallpaper_hashes" DROP COLUMN "chunk_3";--> statement-breakpoint
-- The lookup's row estimates come from the statistics on the new index expressions, which only ANALYZE
-- gathers: without them the planner expects millions of candidates (and JIT-compiles for ~1 s).
ANALYZE "wallpaper_hashes";