ALTER TABLE "wallpapers" ADD COLUMN "color_cells" integer[] DEFAULT '{}'::int[] NOT NULL;--> statement-breakpoint
-- wallpapers.color_cells: the cells of a fixed OKLab grid (side 0.04, the same formula as colorCells in
-- packages/search/src/color-match.ts) holding the wallpaper's palette entries that cover at least 4 %
-- (MIN_COLOR_FRACTION; it may rise without a new migration, never fall). A color search becomes
-- `color_cells && <the cells its match sphere touches>` on the wallpaper row: a GIN bitmap for rare
-- colors and two-color AND, a cheap row filter while walking newest-first for common ones,
-- before the exact OKLab distance check on wallpaper_colors. Maintained like tag_ids (migration 0009):
-- statement-level triggers with transition tables, only wallpapers whose array really changed.
CREATE OR REPLACE FUNCTION wallpaper_color_cell(l real, a real, b real) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT floor(l::float8 / 0.04::float8)::int * 10000
    + floor((a::float8 + 2) / 0.04::float8)::int * 100
    + floor((b::float8 + 2) / 0.04::float8)::int
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION wallpaper_color_cells_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE wallpapers w SET color_cells = fresh.color_cells
  FROM (
    SELECT t.id, coalesce(
      (SELECT array_agg(DISTINCT wallpaper_color_cell(c.l, c.a, c.b) ORDER BY wallpaper_color_cell(c.l, c.a, c.b))
        FROM wallpaper_colors c WHERE c.wallpaper_id = t.id AND c.fraction >= 0.04::real),
      '{}'::int[]) AS color_cells
    FROM unnest(ids) AS t(id)
  ) fresh
  WHERE w.id = fresh.id AND w.color_cells IS DISTINCT FROM fresh.color_cells;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION wallpaper_color_cells_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM wallpaper_color_cells_refresh(array(SELECT DISTINCT wallpaper_id FROM changed_new));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM wallpaper_color_cells_refresh(array(SELECT DISTINCT wallpaper_id FROM changed_old));
  ELSE
    PERFORM wallpaper_color_cells_refresh(array(
      SELECT wallpaper_id FROM changed_new UNION SELECT wallpaper_id FROM changed_old));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER wallpaper_color_cells_insert AFTER INSERT ON wallpaper_colors
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION wallpaper_color_cells_sync();
--> statement-breakpoint
CREATE TRIGGER wallpaper_color_cells_delete AFTER DELETE ON wallpaper_colors
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION wallpaper_color_cells_sync();
--> statement-breakpoint
CREATE TRIGGER wallpaper_color_cells_update AFTER UPDATE ON wallpaper_colors
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION wallpaper_color_cells_sync();
--> statement-breakpoint
UPDATE wallpapers w SET color_cells = c.color_cells
FROM (
  SELECT wallpaper_id, array_agg(DISTINCT wallpaper_color_cell(l, a, b) ORDER BY wallpaper_color_cell(l, a, b)) AS color_cells
  FROM wallpaper_colors WHERE fraction >= 0.04::real GROUP BY wallpaper_id
) c
WHERE w.id = c.wallpaper_id;
--> statement-breakpoint
CREATE INDEX "wallpapers_visible_color_cells_idx" ON "wallpapers" USING gin ("color_cells") WHERE "wallpapers"."processed_at" is not null and "wallpapers"."moderation" = 'approved';
