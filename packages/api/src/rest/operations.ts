import type { z } from "zod";
import * as out from "./responses.ts";

export type RestMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One REST operation: an HTTP method and path in front of one tRPC procedure. The handler calls that
 * procedure through a server-side caller, so its input schema, authorization, rate limits and error
 * codes are the procedure's own; this table only says where it lives and how arguments arrive
 * (path parameters, then the query string for GET or the JSON body otherwise).
 */
export interface RestOperation {
  operationId: string;
  method: RestMethod;
  /** OpenAPI path template below the REST prefix (`/api/rest`), e.g. `/wallpapers/{wallpaperId}`. */
  path: string;
  /** Dotted tRPC path of the procedure it calls. */
  procedure: string;
  tag: "Wallpapers" | "Tags" | "Collections" | "Favorites" | "Uploads";
  summary: string;
  description?: string;
  /** For a procedure whose input is a union: the member REST exposes (the others stay tRPC-only). */
  inputBranch?: number;
  /** Input fields the route itself sets (PUT/DELETE on a favorite set `favorite`). */
  fixed?: Record<string, unknown>;
  /** 201 for operations that create something; 200 otherwise. */
  status?: 200 | 201;
  response: z.ZodType;
}

const signedIn = "Needs a signed-in caller: an API key (`Authorization: Bearer <key>`) or a session.";

export const restOperations: readonly RestOperation[] = [
  {
    operationId: "searchWallpapers",
    method: "GET",
    path: "/search",
    procedure: "wallpaper.search",
    inputBranch: 0,
    tag: "Wallpapers",
    summary: "Search the gallery",
    description:
      "`q` takes the gallery's query language (`mountains -night atleast:2560x1440 ratio:16x9 sort:quality`); pass `nextCursor` back as `cursor` for the next page. Results follow the caller's settings (a visitor sees sfw only).",
    response: out.searchPage,
  },
  {
    operationId: "getRandomWallpaper",
    method: "GET",
    path: "/random",
    procedure: "wallpaper.random",
    inputBranch: 0,
    tag: "Wallpapers",
    summary: "One random wallpaper matching a query",
    description: "The same `seed` gives the same wallpaper. `/api/random` redirects to the image instead.",
    response: out.wallpaperCard,
  },
  {
    operationId: "getWallpaper",
    method: "GET",
    path: "/wallpapers/{wallpaperId}",
    procedure: "wallpaper.byId",
    tag: "Wallpapers",
    summary: "A wallpaper's record",
    response: out.wallpaperRecord,
  },
  {
    operationId: "getSimilarWallpapers",
    method: "GET",
    path: "/wallpapers/{wallpaperId}/similar",
    procedure: "wallpaper.similar",
    tag: "Wallpapers",
    summary: "Near-duplicates first, then wallpapers with a close palette",
    response: out.similarItems,
  },
  {
    operationId: "getWallpaperTags",
    method: "GET",
    path: "/wallpapers/{wallpaperId}/tags",
    procedure: "wallpaper.tags",
    tag: "Tags",
    summary: "A wallpaper's tags with their sources",
    response: out.wallpaperTags,
  },
  {
    operationId: "changeWallpaperTags",
    method: "PATCH",
    path: "/wallpapers/{wallpaperId}/tags",
    procedure: "wallpaper.setTags",
    tag: "Tags",
    summary: "Add and remove tags as a delta (its uploader or a curator)",
    description:
      "Concurrent edits both survive; send `expectedVersion` to refuse (conflict) when someone changed the tags since you read them.",
    response: out.tagsChanged,
  },
  {
    operationId: "getFavoriteState",
    method: "GET",
    path: "/wallpapers/{wallpaperId}/favorite",
    procedure: "favorite.state",
    tag: "Favorites",
    summary: "Whether the caller keeps this wallpaper, and how many accounts do",
    response: out.favoriteState,
  },
  {
    operationId: "listTags",
    method: "GET",
    path: "/tags",
    procedure: "tag.list",
    tag: "Tags",
    summary: "Tags with their counts",
    response: out.tagList,
  },
  {
    operationId: "autocompleteTags",
    method: "GET",
    path: "/tags/autocomplete",
    procedure: "tag.autocomplete",
    tag: "Tags",
    summary: "Tags and aliases starting with a prefix, most used first",
    response: out.tagList.shape.items,
  },
  {
    operationId: "getTag",
    method: "GET",
    path: "/tags/{name}",
    procedure: "tag.byName",
    tag: "Tags",
    summary: "One tag by name (not_found carries `suggestions`)",
    response: out.tagDetail,
  },
  {
    operationId: "listMyCollections",
    method: "GET",
    path: "/collections",
    procedure: "collection.mine",
    tag: "Collections",
    summary: "The caller's collections",
    description: `${signedIn} \`containing\` (repeatable) counts how many of those wallpapers each holds.`,
    response: out.myCollections,
  },
  {
    operationId: "createCollection",
    method: "POST",
    path: "/collections",
    procedure: "collection.create",
    tag: "Collections",
    summary: "Create a collection",
    description: signedIn,
    status: 201,
    response: out.collectionSummary,
  },
  {
    operationId: "getCollection",
    method: "GET",
    path: "/collections/{collectionId}",
    procedure: "collection.byId",
    tag: "Collections",
    summary: "A collection (a private one answers only to its owner)",
    response: out.collectionSummary,
  },
  {
    operationId: "updateCollection",
    method: "PATCH",
    path: "/collections/{collectionId}",
    procedure: "collection.update",
    tag: "Collections",
    summary: "Rename, describe, make public or private (its owner only)",
    response: out.collectionSummary,
  },
  {
    operationId: "deleteCollection",
    method: "DELETE",
    path: "/collections/{collectionId}",
    procedure: "collection.delete",
    tag: "Collections",
    summary: "Delete a collection (its owner only)",
    response: out.collectionDeleted,
  },
  {
    operationId: "listCollectionItems",
    method: "GET",
    path: "/collections/{collectionId}/items",
    procedure: "collection.items",
    tag: "Collections",
    summary: "A collection's wallpapers in its order, page by page",
    response: out.cardList,
  },
  {
    operationId: "addCollectionItems",
    method: "POST",
    path: "/collections/{collectionId}/items",
    procedure: "collection.add",
    tag: "Collections",
    summary: "Add wallpapers at the end, in the order given (idempotent)",
    response: out.itemsAdded,
  },
  {
    operationId: "removeCollectionItems",
    method: "DELETE",
    path: "/collections/{collectionId}/items",
    procedure: "collection.remove",
    tag: "Collections",
    summary: "Remove wallpapers from a collection",
    response: out.itemsRemoved,
  },
  {
    operationId: "listFavorites",
    method: "GET",
    path: "/favorites",
    procedure: "favorite.list",
    tag: "Favorites",
    summary: "The caller's favorites, newest kept first",
    description: signedIn,
    response: out.cardList,
  },
  {
    operationId: "addFavorite",
    method: "PUT",
    path: "/favorites/{wallpaperId}",
    procedure: "favorite.set",
    fixed: { favorite: true },
    tag: "Favorites",
    summary: "Keep a wallpaper (idempotent)",
    description: signedIn,
    response: out.favoriteState,
  },
  {
    operationId: "removeFavorite",
    method: "DELETE",
    path: "/favorites/{wallpaperId}",
    procedure: "favorite.set",
    fixed: { favorite: false },
    tag: "Favorites",
    summary: "Let a wallpaper go (idempotent)",
    description: signedIn,
    response: out.favoriteState,
  },
  {
    operationId: "checkUploads",
    method: "POST",
    path: "/uploads/check",
    procedure: "upload.check",
    tag: "Uploads",
    summary: "Which of these SHA-256 hashes are already wallpapers (skip sending those bytes)",
    description: signedIn,
    response: out.existingHashes,
  },
  {
    operationId: "createUpload",
    method: "POST",
    path: "/uploads",
    procedure: "upload.create",
    tag: "Uploads",
    summary: "Open an upload; then send the bytes over tus to `endpoint`",
    description: `${signedIn} Step 1 of 3. Step 2: a tus 1.0 upload to \`endpoint\` (\`/api/uploads\`) with \`Upload-Metadata\` carrying \`uploadId\` and \`filename\` (base64) and \`Upload-Length\` equal to \`size\`. Step 3: \`POST /uploads/{uploadId}/complete\`.`,
    status: 201,
    response: out.createdUpload,
  },
  {
    operationId: "completeUpload",
    method: "POST",
    path: "/uploads/{uploadId}/complete",
    procedure: "upload.complete",
    tag: "Uploads",
    summary: "Finish an upload whose bytes arrived: the wallpaper, or the refusal as a problem",
    description:
      "Its uploader only. A file refused for what it is answers its code (`unsupported_type`, `too_large`, `corrupt`, …).",
    response: out.completedUpload,
  },
  {
    operationId: "getUpload",
    method: "GET",
    path: "/uploads/{uploadId}",
    procedure: "upload.byId",
    tag: "Uploads",
    summary: "An upload's state (its uploader only)",
    response: out.uploadStatus,
  },
];
