DROP INDEX "wallpaper_tags_tag_idx";--> statement-breakpoint
ALTER TABLE "wallpaper_tags" DROP CONSTRAINT "wallpaper_tags_wallpaper_id_tag_id_pk";--> statement-breakpoint
ALTER TABLE "wallpaper_tags" ADD CONSTRAINT "wallpaper_tags_wallpaper_id_tag_id_source_pk" PRIMARY KEY("wallpaper_id","tag_id","source");--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "tag_ids" integer[];--> statement-breakpoint
CREATE INDEX "audit_log_tag_ids_idx" ON "audit_log" USING gin ("tag_ids");--> statement-breakpoint
CREATE INDEX "tag_aliases_name_prefix_idx" ON "tag_aliases" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "tag_aliases_tag_idx" ON "tag_aliases" USING btree ("tag_id");--> statement-breakpoint
CREATE INDEX "wallpaper_tags_tag_idx" ON "wallpaper_tags" USING btree ("tag_id","wallpaper_id");