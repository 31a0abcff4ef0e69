import { randomBytes } from "node:crypto";
import type { Caller } from "@wallpaperdb/auth";
import { type Executor, wallpapers } from "@wallpaperdb/db";
import { type ApiDeps, createCaller, createTRPCContext } from "../src/index.ts";

/** A server-side caller signed in as `person` through a session, or anonymous for null. */
export async function callerAs(deps: ApiDeps, person: Pick<Caller, "id" | "role"> | null) {
  const ctx = await createTRPCContext({ headers: new Headers(), deps });
  return person ? createCaller({ ...ctx, user: { ...person, via: "session" } }) : createCaller(ctx);
}

/** A processed 16x9 wallpaper row (no files): enough for the gallery's visibility rule and cards. */
export async function insertWallpaperRow(
  db: Executor,
  uploaderId: string,
  moderation: "approved" | "rejected" = "approved",
): Promise<string> {
  const [row] = await db
    .insert(wallpapers)
    .values({
      sha256: randomBytes(32).toString("hex"),
      mediaType: "image",
      mimeType: "image/png",
      originalKey: `originals/${randomBytes(4).toString("hex")}`,
      sizeBytes: 1,
      width: 16,
      height: 9,
      uploaderId,
      moderation,
      processedAt: new Date(),
    })
    .returning({ id: wallpapers.id });
  if (!row) throw new Error("no row");
  return row.id;
}
