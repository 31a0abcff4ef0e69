CREATE TABLE "wallpaper_detections" (
	"wallpaper_id" uuid PRIMARY KEY NOT NULL,
	"model" text NOT NULL,
	"model_version" text NOT NULL,
	"people_count" smallint NOT NULL,
	"face_count" smallint NOT NULL,
	"tag_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallpaper_objects" (
	"wallpaper_id" uuid NOT NULL,
	"rank" smallint NOT NULL,
	"label" text NOT NULL,
	"score" real NOT NULL,
	"x" real NOT NULL,
	"y" real NOT NULL,
	"width" real NOT NULL,
	"height" real NOT NULL,
	CONSTRAINT "wallpaper_objects_wallpaper_id_rank_pk" PRIMARY KEY("wallpaper_id","rank")
);
--> statement-breakpoint
ALTER TABLE "wallpaper_detections" ADD CONSTRAINT "wallpaper_detections_wallpaper_id_wallpapers_id_fk" FOREIGN KEY ("wallpaper_id") REFERENCES "public"."wallpapers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallpaper_objects" ADD CONSTRAINT "wallpaper_objects_wallpaper_id_wallpaper_detections_wallpaper_id_fk" FOREIGN KEY ("wallpaper_id") REFERENCES "public"."wallpaper_detections"("wallpaper_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallpaper_objects_label_score_idx" ON "wallpaper_objects" USING btree ("label","score" DESC NULLS LAST);