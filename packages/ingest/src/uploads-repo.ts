import type { Executor } from "@wallpaperdb/db";
import { uploads } from "@wallpaperdb/db";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { nextState, statesAllowing, type UploadEvent, type UploadState } from "./state-machine.ts";

export type UploadRow = typeof uploads.$inferSelect;
type UploadPatch = Partial<
  Pick<
    UploadRow,
    "receivedBytes" | "sha256" | "storageKey" | "rejectCode" | "rejectMessage" | "wallpaperId" | "duplicate"
  >
>;

export async function insertUpload(
  db: Executor,
  values: {
    uploaderId: string | null;
    originalFilename: string;
    declaredSize: number;
    declaredType: string | null;
    purity?: (typeof uploads.$inferInsert)["purity"];
    puritySource?: (typeof uploads.$inferInsert)["puritySource"];
    expiresAt: Date;
  },
): Promise<UploadRow> {
  const [row] = await db.insert(uploads).values(values).returning();
  if (!row) throw new Error("upload insert returned no row");
  return row;
}

export async function findUpload(db: Executor, id: string): Promise<UploadRow | null> {
  const [row] = await db.select().from(uploads).where(eq(uploads.id, id)).limit(1);
  return row ?? null;
}

/**
 * Applies one edge of the state machine with a guarded UPDATE (`where state in <states allowing it>`), so
 * two racing callers cannot both move the same upload. Returns the updated row, or null when the upload
 * was not in a state that allows `event` (someone else got there first, or it never could).
 */
export async function transitionUpload(
  db: Executor,
  id: string,
  event: UploadEvent,
  patch: UploadPatch = {},
  options: { from?: UploadState[] } = {},
): Promise<UploadRow | null> {
  const from = options.from ?? statesAllowing(event);
  const targets = new Set(from.map((state) => nextState(state, event)));
  const [to] = [...targets];
  if (targets.size !== 1 || !to) throw new Error(`event ${event} is not allowed from ${from.join(", ")}`);
  const [row] = await db
    .update(uploads)
    .set({ ...patch, state: to, updatedAt: new Date() })
    .where(and(eq(uploads.id, id), inArray(uploads.state, from)))
    .returning();
  return row ?? null;
}

/** Progress while bytes stream: only moves forward, only while the upload is still open for bytes. */
export async function recordReceivedBytes(db: Executor, id: string, receivedBytes: number): Promise<void> {
  await db
    .update(uploads)
    .set({
      receivedBytes: sql`greatest(${uploads.receivedBytes}, ${receivedBytes})`,
      state: "receiving",
      updatedAt: new Date(),
    })
    .where(and(eq(uploads.id, id), inArray(uploads.state, ["initiated", "receiving"])));
}

/** Open uploads past their expiry: what expireAbandonedUploads acts on. */
export async function listStaleUploads(db: Executor, now: Date, limit = 500): Promise<UploadRow[]> {
  return db
    .select()
    .from(uploads)
    .where(and(inArray(uploads.state, statesAllowing("expire")), lt(uploads.expiresAt, now)))
    .orderBy(uploads.expiresAt)
    .limit(limit);
}

/** True when the upload exists, may still receive bytes and has not expired. */
export function isOpenForBytes(row: UploadRow, now: Date): boolean {
  return (row.state === "initiated" || row.state === "receiving") && row.expiresAt > now;
}
