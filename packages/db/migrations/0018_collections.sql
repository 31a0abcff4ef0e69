CREATE TABLE "collection_items" (
	"collection_id" uuid NOT NULL,
	"wallpaper_id" uuid NOT NULL,
	"position" bigint NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_items_collection_id_wallpaper_id_pk" PRIMARY KEY("collection_id","wallpaper_id")
);
--> statement-breakpoint
CREATE TABLE "collections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collections_name_length" CHECK (char_length("collections"."name") between 1 and 100),
	CONSTRAINT "collections_description_length" CHECK (char_length("collections"."description") <= 2000)
);
--> statement-breakpoint
ALTER TABLE "collection_items" ADD CONSTRAINT "collection_items_collection_id_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_items" ADD CONSTRAINT "collection_items_wallpaper_id_wallpapers_id_fk" FOREIGN KEY ("wallpaper_id") REFERENCES "public"."wallpapers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collections" ADD CONSTRAINT "collections_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collection_items_order_idx" ON "collection_items" USING btree ("collection_id","position","wallpaper_id");--> statement-breakpoint
CREATE INDEX "collection_items_newest_idx" ON "collection_items" USING btree ("collection_id","added_at" DESC NULLS LAST,"wallpaper_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "collection_items_wallpaper_idx" ON "collection_items" USING btree ("wallpaper_id");--> statement-breakpoint
CREATE INDEX "collections_owner_recent_idx" ON "collections" USING btree ("owner_id","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "collections_owner_public_idx" ON "collections" USING btree ("owner_id","updated_at" DESC NULLS LAST) WHERE "collections"."is_public";