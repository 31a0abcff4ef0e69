CREATE TYPE "public"."wallpaper_purity" AS ENUM('sfw', 'sketchy', 'nsfw');--> statement-breakpoint
CREATE TABLE "account_settings" (
	"user_id" text PRIMARY KEY NOT NULL,
	"purities" "wallpaper_purity"[] DEFAULT '{sfw}'::wallpaper_purity[] NOT NULL,
	"blacklist_tag_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"min_width" integer,
	"min_height" integer,
	"ratios" text[] DEFAULT '{}'::text[] NOT NULL,
	"tile_size" text,
	"default_sort" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_settings_sfw_shown" CHECK ('sfw' = any("account_settings"."purities")),
	CONSTRAINT "account_settings_min_size" CHECK (("account_settings"."min_width" is null) = ("account_settings"."min_height" is null))
);
--> statement-breakpoint
DROP INDEX "wallpapers_visible_newest_idx";--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "purity" "wallpaper_purity" DEFAULT 'sfw' NOT NULL;--> statement-breakpoint
ALTER TABLE "wallpapers" ADD COLUMN "purity" "wallpaper_purity" DEFAULT 'sfw' NOT NULL;--> statement-breakpoint
ALTER TABLE "account_settings" ADD CONSTRAINT "account_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallpapers_visible_newest_idx" ON "wallpapers" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"tag_ids","purity") WHERE "wallpapers"."processed_at" is not null and "wallpapers"."moderation" = 'approved';