CREATE TABLE "wallpaper_hashes" (
	"wallpaper_id" uuid NOT NULL,
	"scale" smallint NOT NULL,
	"hash" bigint NOT NULL,
	"chunk_0" integer NOT NULL,
	"chunk_1" integer NOT NULL,
	"chunk_2" integer NOT NULL,
	"chunk_3" integer NOT NULL,
	"layout" real[] NOT NULL,
	CONSTRAINT "wallpaper_hashes_wallpaper_id_scale_pk" PRIMARY KEY("wallpaper_id","scale")
);
--> statement-breakpoint
ALTER TABLE "wallpaper_hashes" ADD CONSTRAINT "wallpaper_hashes_wallpaper_id_wallpapers_id_fk" FOREIGN KEY ("wallpaper_id") REFERENCES "public"."wallpapers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallpaper_hashes_chunk_0_idx" ON "wallpaper_hashes" USING btree ("chunk_0");--> statement-breakpoint
CREATE INDEX "wallpaper_hashes_chunk_1_idx" ON "wallpaper_hashes" USING btree ("chunk_1");--> statement-breakpoint
CREATE INDEX "wallpaper_hashes_chunk_2_idx" ON "wallpaper_hashes" USING btree ("chunk_2");--> statement-breakpoint
CREATE INDEX "wallpaper_hashes_chunk_3_idx" ON "wallpaper_hashes" USING btree ("chunk_3");--> statement-breakpoint
CREATE INDEX "wallpaper_hashes_whole_0_idx" ON "wallpaper_hashes" USING btree ("chunk_0") WHERE "wallpaper_hashes"."scale" = 100;--> statement-breakpoint
CREATE INDEX "wallpaper_hashes_whole_1_idx" ON "wallpaper_hashes" USING btree ("chunk_1") WHERE "wallpaper_hashes"."scale" = 100;--> statement-breakpoint
CREATE INDEX "wallpaper_hashes_whole_2_idx" ON "wallpaper_hashes" USING btree ("chunk_2") WHERE "wallpaper_hashes"."scale" = 100;--> statement-breakpoint
CREATE INDEX "wallpaper_hashes_whole_3_idx" ON "wallpaper_hashes" USING btree ("chunk_3") WHERE "wallpaper_hashes"."scale" = 100;