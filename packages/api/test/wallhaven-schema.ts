import { z } from "zod";

// wallhaven's documented API v1 responses (https://wallhaven.cc/help/api), as a client reads them.
// Strict objects: a renamed or missing field fails the compatibility test.

const date = z.string().regex(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/u);
const url = z.url();

export const listingItemSchema = z
  .object({
    id: z.string().min(1),
    url,
    short_url: url,
    views: z.number().int().min(0),
    favorites: z.number().int().min(0),
    source: z.string(),
    purity: z.enum(["sfw", "sketchy", "nsfw"]),
    category: z.enum(["general", "anime", "people"]),
    dimension_x: z.number().int().positive(),
    dimension_y: z.number().int().positive(),
    resolution: z.string().regex(/^\d+x\d+$/u),
    ratio: z.string().regex(/^\d+(\.\d{1,2})?$/u),
    file_size: z.number().int().min(0),
    file_type: z.string().regex(/^(image|video)\/[a-z0-9.+-]+$/u),
    created_at: date,
    colors: z.array(z.string().regex(/^#[0-9a-f]{6}$/u)),
    path: url,
    thumbs: z.object({ large: url, original: url, small: url }).strict(),
  })
  .strict();

export const tagSchema = z
  .object({
    id: z.number().int().positive(),
    name: z.string().min(1),
    alias: z.string(),
    category_id: z.number().int().positive(),
    category: z.string().min(1),
    purity: z.enum(["sfw", "sketchy", "nsfw"]),
    created_at: date,
  })
  .strict();

export const wallpaperSchema = z.object({
  data: listingItemSchema
    .extend({
      uploader: z
        .object({
          username: z.string(),
          group: z.string(),
          avatar: z.object({
            "200px": z.string(),
            "128px": z.string(),
            "32px": z.string(),
            "20px": z.string(),
          }),
        })
        .strict()
        .nullable(),
      tags: z.array(tagSchema),
    })
    .strict(),
});

export const searchSchema = z
  .object({
    data: z.array(listingItemSchema),
    meta: z
      .object({
        current_page: z.number().int().positive(),
        last_page: z.number().int().positive(),
        per_page: z.number().int().positive(),
        total: z.number().int().min(0),
        query: z
          .union([z.string(), z.object({ id: z.number(), tag: z.string().nullable() }).strict()])
          .nullable(),
        seed: z
          .string()
          .regex(/^[a-zA-Z0-9]{6}$/u)
          .nullable(),
      })
      .strict(),
  })
  .strict();

export const tagResponseSchema = z.object({ data: tagSchema }).strict();

export const settingsSchema = z
  .object({
    data: z
      .object({
        thumb_size: z.enum(["small", "lg", "orig"]),
        per_page: z.string().regex(/^\d+$/u),
        purity: z.array(z.enum(["sfw", "sketchy", "nsfw"])),
        categories: z.array(z.enum(["general", "anime", "people"])),
        resolutions: z.array(z.string()),
        aspect_ratios: z.array(z.string()),
        toplist_range: z.enum(["1d", "3d", "1w", "1M", "3M", "6M", "1y"]),
        tag_blacklist: z.array(z.string()),
        user_blacklist: z.array(z.string()),
      })
      .strict(),
  })
  .strict();

export const collectionsSchema = z
  .object({
    data: z.array(
      z
        .object({
          id: z.string().min(1),
          label: z.string(),
          views: z.number().int().min(0),
          public: z.union([z.literal(0), z.literal(1)]),
          count: z.number().int().min(0),
        })
        .strict(),
    ),
  })
  .strict();

export const collectionItemsSchema = z
  .object({
    data: z.array(listingItemSchema),
    meta: z
      .object({
        current_page: z.number().int().positive(),
        last_page: z.number().int().positive(),
        per_page: z.number().int().positive(),
        total: z.number().int().min(0),
      })
      .strict(),
  })
  .strict();

/** Every error answer: wallhaven's `error` plus our stable code. */
export const errorSchema = z.object({
  error: z.string().min(1),
  code: z.string().min(1),
  status: z.number(),
});
