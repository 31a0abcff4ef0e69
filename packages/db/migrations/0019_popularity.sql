CREATE TABLE "wallpaper_daily_stats" (
	"day" date NOT NULL,
	"wallpaper_id" uuid NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"favorites" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "wallpaper_daily_stats_day_wallpaper_id_pk" PRIMARY KEY("day","wallpaper_id")
);
--> statement-breakpoint
CREATE TABLE "wallpaper_popularity" (
	"wallpaper_id" uuid PRIMARY KEY NOT NULL,
	"views" bigint DEFAULT 0 NOT NULL,
	"favorites" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallpaper_top_scores" (
	"range" text NOT NULL,
	"wallpaper_id" uuid NOT NULL,
	"score" bigint NOT NULL,
	CONSTRAINT "wallpaper_top_scores_range_wallpaper_id_pk" PRIMARY KEY("range","wallpaper_id"),
	CONSTRAINT "wallpaper_top_scores_range" CHECK ("wallpaper_top_scores"."range" in ('1d', '3d', '1w', '1M', '3M', '6M', '1y'))
);
--> statement-breakpoint
CREATE TABLE "wallpaper_view_marks" (
	"day" date NOT NULL,
	"visitor" text NOT NULL,
	"wallpaper_id" uuid NOT NULL,
	CONSTRAINT "wallpaper_view_marks_day_visitor_wallpaper_id_pk" PRIMARY KEY("day","visitor","wallpaper_id")
);
--> statement-breakpoint
ALTER TABLE "wallpaper_daily_stats" ADD CONSTRAINT "wallpaper_daily_stats_wallpaper_id_wallpapers_id_fk" FOREIGN KEY ("wallpaper_id") REFERENCES "public"."wallpapers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallpaper_popularity" ADD CONSTRAINT "wallpaper_popularity_wallpaper_id_wallpapers_id_fk" FOREIGN KEY ("wallpaper_id") REFERENCES "public"."wallpapers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallpaper_top_scores" ADD CONSTRAINT "wallpaper_top_scores_wallpaper_id_wallpapers_id_fk" FOREIGN KEY ("wallpaper_id") REFERENCES "public"."wallpapers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallpaper_daily_stats_wallpaper_idx" ON "wallpaper_daily_stats" USING btree ("wallpaper_id");--> statement-breakpoint
CREATE INDEX "wallpaper_top_scores_order_idx" ON "wallpaper_top_scores" USING btree ("range","score" DESC NULLS LAST,"wallpaper_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "wallpaper_top_scores_wallpaper_idx" ON "wallpaper_top_scores" USING btree ("wallpaper_id");--> statement-breakpoint
-- hand-written below
-- Favourite counters kept by the database in the heart's own transaction, so every path that adds or
-- removes a favorites row (setFavorite, an account's deletion cascading) keeps them equal to the table.
-- Each change is one upsert of one counter row: concurrent hearts on one wallpaper queue on its row
-- lock and none is lost. The day is UTC, like the view counting.
CREATE FUNCTION wallpaper_favorite_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO wallpaper_popularity (wallpaper_id, favorites) VALUES (NEW.wallpaper_id, 1)
      ON CONFLICT (wallpaper_id) DO UPDATE SET favorites = wallpaper_popularity.favorites + 1;
    INSERT INTO wallpaper_daily_stats (day, wallpaper_id, favorites)
      VALUES ((now() AT TIME ZONE 'UTC')::date, NEW.wallpaper_id, 1)
      ON CONFLICT (day, wallpaper_id) DO UPDATE SET favorites = wallpaper_daily_stats.favorites + 1;
    RETURN NULL;
  END IF;
  UPDATE wallpaper_popularity SET favorites = favorites - 1 WHERE wallpaper_id = OLD.wallpaper_id;
  -- A deleted wallpaper cascades to its favorites: it has no stats to keep.
  IF EXISTS (SELECT 1 FROM wallpapers WHERE id = OLD.wallpaper_id) THEN
    INSERT INTO wallpaper_daily_stats (day, wallpaper_id, favorites)
      VALUES ((now() AT TIME ZONE 'UTC')::date, OLD.wallpaper_id, -1)
      ON CONFLICT (day, wallpaper_id) DO UPDATE SET favorites = wallpaper_daily_stats.favorites - 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER favorites_counted AFTER INSERT OR DELETE ON favorites
  FOR EACH ROW EXECUTE FUNCTION wallpaper_favorite_counted();
--> statement-breakpoint
INSERT INTO wallpaper_popularity (wallpaper_id, favorites)
  SELECT wallpaper_id, count(*)::int FROM favorites GROUP BY wallpaper_id;
