ALTER TABLE "wallpapers" ADD COLUMN "color_names" text[];--> statement-breakpoint
-- wallpapers.color_names: the named colours the wallpaper has by the one colour rule (namedColorsOf in
-- packages/imaging/src/named-palette.ts), written by the colour step. Left null here on purpose: the rule
-- lives in TypeScript only, so existing wallpapers are filled by the backfill
-- (`pnpm --filter @wallpaperdb/workers backfill:colour-names`), which applies the rule to the stored
-- palette and refreshes the auto tags, not by a second copy of the rule in SQL.
CREATE INDEX "wallpapers_visible_color_names_idx" ON "wallpapers" USING gin ("color_names") WHERE "wallpapers"."processed_at" is not null and "wallpapers"."moderation" = 'approved';