ALTER TABLE "wallpapers" ADD COLUMN "tag_ids" integer[] DEFAULT '{}'::int[] NOT NULL;--> statement-breakpoint
-- wallpapers.tag_ids mirrors wallpaper_tags (every source, distinct, sorted) so gallery search tests tags
-- on the wallpaper row: `tag_ids @> '{a,b}'` through a GIN bitmap for rare tags, or as a cheap filter
-- while walking the newest-first index for common ones (instead of one wallpaper_tags probe per tag per
-- candidate). Statement-level triggers with transition tables: one UPDATE per statement however many
-- rows it touched (bulk tagging, merges, seeding), and only wallpapers whose array really changed.
CREATE OR REPLACE FUNCTION wallpaper_tag_ids_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE wallpapers w SET tag_ids = fresh.tag_ids
  FROM (
    SELECT t.id, coalesce(
      (SELECT array_agg(DISTINCT wt.tag_id ORDER BY wt.tag_id) FROM wallpaper_tags wt WHERE wt.wallpaper_id = t.id),
      '{}'::int[]) AS tag_ids
    FROM unnest(ids) AS t(id)
  ) fresh
  WHERE w.id = fresh.id AND w.tag_ids IS DISTINCT FROM fresh.tag_ids;
$$;
--> statement-breakpoint
-- A branch naming a transition table its trigger does not have is never planned, so one function serves all three.
CREATE OR REPLACE FUNCTION wallpaper_tag_ids_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM wallpaper_tag_ids_refresh(array(SELECT DISTINCT wallpaper_id FROM changed_new));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM wallpaper_tag_ids_refresh(array(SELECT DISTINCT wallpaper_id FROM changed_old));
  ELSE
    PERFORM wallpaper_tag_ids_refresh(array(
      SELECT wallpaper_id FROM changed_new UNION SELECT wallpaper_id FROM changed_old));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER wallpaper_tag_ids_insert AFTER INSERT ON wallpaper_tags
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION wallpaper_tag_ids_sync();
--> statement-breakpoint
CREATE TRIGGER wallpaper_tag_ids_delete AFTER DELETE ON wallpaper_tags
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION wallpaper_tag_ids_sync();
--> statement-breakpoint
CREATE TRIGGER wallpaper_tag_ids_update AFTER UPDATE ON wallpaper_tags
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION wallpaper_tag_ids_sync();
--> statement-breakpoint
UPDATE wallpapers w SET tag_ids = t.tag_ids
FROM (SELECT wallpaper_id, array_agg(DISTINCT tag_id ORDER BY tag_id) AS tag_ids FROM wallpaper_tags GROUP BY wallpaper_id) t
WHERE w.id = t.wallpaper_id;
--> statement-breakpoint
CREATE INDEX "wallpapers_visible_tag_ids_idx" ON "wallpapers" USING gin ("tag_ids") WHERE "wallpapers"."processed_at" is not null and "wallpapers"."moderation" = 'approved';
