import { errorCodes } from "@wallpaperdb/core/errors";
import { z } from "zod";

/**
 * What the REST operations answer, as JSON (dates as ISO strings). The procedures return TypeScript
 * view models without zod output parsers, so these schemas document them for OpenAPI. Objects are
 * loose on purpose: a view model may gain a field without breaking a script, and the contract test
 * (rest-contract.int.test.ts) checks every real answer against them, so a renamed or retyped field fails it.
 */
const isoDate = z.string().meta({ format: "date-time" });
const uuid = z.string().meta({ format: "uuid" });
const purity = z.enum(["sfw", "sketchy", "nsfw"]);

const variant = z.looseObject({
  kind: z.string(),
  format: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  contentHash: z.string(),
  url: z.string().meta({ description: "`/media/<id>/<kind>.<format>?v=<contentHash>`" }),
});

export const wallpaperCard = z
  .looseObject({
    id: uuid,
    mediaType: z.enum(["image", "video"]),
    width: z.number().int(),
    height: z.number().int(),
    purity,
    aspectName: z.string().nullable(),
    orientation: z.string().nullable(),
    qualityScore: z.number().nullable(),
    thumbhash: z.string().nullable(),
    favoriteCount: z.number().int(),
    viewCount: z.number().int(),
    colors: z.array(z.string()),
    createdAt: isoDate,
    variants: z.array(variant),
  })
  .meta({ description: "A gallery tile: what the search, favorites and collections list." });

const cardPage = z.looseObject({
  items: z.array(wallpaperCard),
  nextCursor: z.string().nullable().meta({ description: "pass it back as `cursor`; null on the last page" }),
});

export const searchPage = cardPage.extend({
  total: z.number().int(),
  totalIsEstimate: z.boolean(),
  seed: z.number().int().nullable(),
  unknownTags: z.array(z.string()),
});

export const wallpaperRecord = z.looseObject({
  id: uuid,
  sha256: z.string(),
  mediaType: z.enum(["image", "video"]),
  mimeType: z.string(),
  originalFilename: z.string().nullable(),
  sizeBytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  durationMs: z.number().int().nullable(),
  createdAt: isoDate,
  moderation: z.string(),
  purity,
  processed: z.boolean(),
  visible: z.boolean(),
  own: z.boolean(),
  mayChange: z.boolean(),
});

export const similarItems = z.looseObject({
  items: z.array(
    z.looseObject({
      card: wallpaperCard,
      match: z.looseObject({ kind: z.enum(["near_duplicate", "content", "palette"]) }),
    }),
  ),
});

export const wallpaperTags = z.array(
  z.looseObject({
    tagId: z.number().int(),
    name: z.string(),
    category: z.string(),
    wallpaperCount: z.number().int(),
    sources: z.array(z.string()),
  }),
);

export const tagsChanged = z.looseObject({
  version: z.number().int(),
  changed: z.looseObject({}).nullable().meta({ description: "what the delta changed; null when nothing" }),
  auditId: z.number().int().nullable(),
  tags: wallpaperTags,
});

const tag = z.looseObject({ id: z.number().int(), name: z.string(), category: z.string() });
export const tagDetail = tag;
export const tagList = z.looseObject({
  items: z.array(tag),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const collectionSummary = z.looseObject({
  id: uuid,
  name: z.string(),
  description: z.string(),
  isPublic: z.boolean(),
  ownerName: z.string(),
  own: z.boolean(),
  itemCount: z.number().int(),
  updatedAt: isoDate,
});
export const myCollections = z.array(collectionSummary.extend({ contains: z.number().int() }));
export const collectionDeleted = z.looseObject({ deleted: z.literal(true) });
export const itemsAdded = z.looseObject({ added: z.number().int() });
export const itemsRemoved = z.looseObject({ removed: z.number().int() });
export const cardList = cardPage;

export const favoriteState = z.looseObject({ favorited: z.boolean(), favoriteCount: z.number().int() });

export const createdUpload = z.looseObject({
  uploadId: uuid,
  endpoint: z.string().meta({ description: "the tus 1.0 endpoint that takes the bytes (`/api/uploads`)" }),
  maxBytes: z.number().int(),
  expiresAt: isoDate,
});
export const existingHashes = z.looseObject({
  existing: z.array(z.looseObject({ sha256: z.string(), wallpaperId: uuid })),
});
export const completedUpload = z.looseObject({
  wallpaperId: uuid,
  duplicate: z.boolean(),
  mediaType: z.enum(["image", "video"]),
  width: z.number().int(),
  height: z.number().int(),
});
export const uploadStatus = z.looseObject({
  state: z.enum(["initiated", "receiving", "received", "committed", "rejected", "expired"]),
  receivedBytes: z.number().int(),
  size: z.number().int().nullable(),
  rejectCode: z.string().nullable(),
  rejectMessage: z.string().nullable(),
  wallpaperId: uuid.nullable(),
});

/** RFC 7807 with the stable `code` (packages/core/src/errors.ts); details travel as extra members. */
export const problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(Object.keys(errorCodes) as [keyof typeof errorCodes, ...(keyof typeof errorCodes)[]]),
  detail: z.string(),
  instance: z.string().optional(),
});
