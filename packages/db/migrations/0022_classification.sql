CREATE TYPE "public"."purity_source" AS ENUM('default', 'uploader', 'curator', 'model');--> statement-breakpoint
CREATE TABLE "wallpaper_classifications" (
	"wallpaper_id" uuid PRIMARY KEY NOT NULL,
	"model" text NOT NULL,
	"drawing" real NOT NULL,
	"hentai" real NOT NULL,
	"neutral" real NOT NULL,
	"porn" real NOT NULL,
	"sexy" real NOT NULL,
	"suggested_purity" "wallpaper_purity" NOT NULL,
	"embedding" real[] NOT NULL,
	"embedding_sign" bigint NOT NULL,
	"embedding_version" smallint NOT NULL,
	"classified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wallpaper_classifications_embedding_size" CHECK (cardinality("wallpaper_classifications"."embedding") = 64)
);
--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "purity_source" "purity_source" DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE "wallpapers" ADD COLUMN "purity_source" "purity_source" DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE "wallpaper_classifications" ADD CONSTRAINT "wallpaper_classifications_wallpaper_id_wallpapers_id_fk" FOREIGN KEY ("wallpaper_id") REFERENCES "public"."wallpapers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallpaper_classifications_suggested_idx" ON "wallpaper_classifications" USING btree ("suggested_purity") WHERE "wallpaper_classifications"."suggested_purity" <> 'sfw';--> statement-breakpoint
-- hand-written below
-- Existing wallpapers: a purity changed since upload was its uploader's or a curator's choice (the
-- audit log says which), and a purity other than sfw was chosen at upload; the rest stay `default`, so
-- the classify backfill may suggest for them.
UPDATE "wallpapers" w SET "purity_source" = (CASE WHEN (a.data->>'byCurator')::boolean THEN 'curator' ELSE 'uploader' END)::purity_source
FROM (
  SELECT DISTINCT ON (entity_id) entity_id, data FROM "audit_log"
  WHERE action = 'wallpaper.purity' AND entity_type = 'wallpaper'
  ORDER BY entity_id, id DESC
) a
WHERE a.entity_id = w.id::text;--> statement-breakpoint
UPDATE "wallpapers" SET "purity_source" = 'uploader' WHERE "purity" <> 'sfw' AND "purity_source" = 'default';
