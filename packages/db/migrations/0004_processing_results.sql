CREATE TABLE "wallpaper_colors" (
	"wallpaper_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	"hex" text NOT NULL,
	"l" real NOT NULL,
	"a" real NOT NULL,
	"b" real NOT NULL,
	"fraction" real NOT NULL,
	"name" text NOT NULL,
	"name_hex" text NOT NULL,
	CONSTRAINT "wallpaper_colors_wallpaper_id_rank_pk" PRIMARY KEY("wallpaper_id","rank")
);
--> statement-breakpoint
CREATE TABLE "wallpaper_facts" (
	"wallpaper_id" uuid PRIMARY KEY NOT NULL,
	"aspect_ratio" real,
	"aspect_name" text,
	"orientation" text,
	"megapixels" real,
	"resolution_class" text,
	"thumbhash" text,
	"analysis_key" text,
	"phash" bigint,
	"phash_0" integer,
	"phash_1" integer,
	"phash_2" integer,
	"phash_3" integer,
	"duration_ms" integer,
	"fps" real,
	"codec" text,
	"poster_key" text,
	"preview_key" text,
	"quality_score" real,
	"quality_components" jsonb,
	"brightness" text,
	"luminance" real,
	"monochrome" boolean,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallpaper_near_duplicates" (
	"wallpaper_id" uuid NOT NULL,
	"duplicate_of" uuid NOT NULL,
	"distance" smallint NOT NULL,
	"flagged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved" boolean DEFAULT false NOT NULL,
	CONSTRAINT "wallpaper_near_duplicates_wallpaper_id_duplicate_of_pk" PRIMARY KEY("wallpaper_id","duplicate_of")
);
--> statement-breakpoint
ALTER TABLE "wallpaper_colors" ADD CONSTRAINT "wallpaper_colors_wallpaper_id_wallpapers_id_fk" FOREIGN KEY ("wallpaper_id") REFERENCES "public"."wallpapers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallpaper_facts" ADD CONSTRAINT "wallpaper_facts_wallpaper_id_wallpapers_id_fk" FOREIGN KEY ("wallpaper_id") REFERENCES "public"."wallpapers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallpaper_near_duplicates" ADD CONSTRAINT "wallpaper_near_duplicates_wallpaper_id_wallpapers_id_fk" FOREIGN KEY ("wallpaper_id") REFERENCES "public"."wallpapers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallpaper_near_duplicates" ADD CONSTRAINT "wallpaper_near_duplicates_duplicate_of_wallpapers_id_fk" FOREIGN KEY ("duplicate_of") REFERENCES "public"."wallpapers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallpaper_colors_name_fraction_idx" ON "wallpaper_colors" USING btree ("name","fraction" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "wallpaper_colors_oklab_idx" ON "wallpaper_colors" USING btree ("a","b","l");--> statement-breakpoint
CREATE INDEX "wallpaper_facts_aspect_idx" ON "wallpaper_facts" USING btree ("aspect_name");--> statement-breakpoint
CREATE INDEX "wallpaper_facts_resolution_idx" ON "wallpaper_facts" USING btree ("resolution_class");--> statement-breakpoint
CREATE INDEX "wallpaper_facts_quality_idx" ON "wallpaper_facts" USING btree ("quality_score");--> statement-breakpoint
CREATE INDEX "wallpaper_facts_brightness_idx" ON "wallpaper_facts" USING btree ("brightness","monochrome");--> statement-breakpoint
CREATE INDEX "wallpaper_facts_phash_0_idx" ON "wallpaper_facts" USING btree ("phash_0");--> statement-breakpoint
CREATE INDEX "wallpaper_facts_phash_1_idx" ON "wallpaper_facts" USING btree ("phash_1");--> statement-breakpoint
CREATE INDEX "wallpaper_facts_phash_2_idx" ON "wallpaper_facts" USING btree ("phash_2");--> statement-breakpoint
CREATE INDEX "wallpaper_facts_phash_3_idx" ON "wallpaper_facts" USING btree ("phash_3");--> statement-breakpoint
CREATE INDEX "wallpaper_near_duplicates_of_idx" ON "wallpaper_near_duplicates" USING btree ("duplicate_of");--> statement-breakpoint
CREATE INDEX "wallpaper_near_duplicates_open_idx" ON "wallpaper_near_duplicates" USING btree ("flagged_at") WHERE not "wallpaper_near_duplicates"."resolved";