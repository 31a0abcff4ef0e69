import { randomBytes } from "node:crypto";
import type { Caller } from "@wallpaperdb/auth";
import { type Database, processingSteps, wallpapers } from "@wallpaperdb/db";
import { afterAll, beforeAll } from "vitest";
import { type ApiDeps, createCaller, createTRPCContext } from "../src/index.ts";
import { type Harness, openHarness } from "./harness.ts";
import { seedUsers } from "./seed-users.ts";

const people = {
  user: { id: "adm_user", role: "user" },
  curator: { id: "adm_curator", role: "curator" },
  admin: { id: "adm_admin", role: "admin" },
} satisfies Record<string, Pick<Caller, "id" | "role">>;

export type AdminWho = keyof typeof people | "anonymous";

export async function adminCaller(deps: ApiDeps, who: AdminWho) {
  const ctx = await createTRPCContext({ headers: new Headers(), deps });
  return createCaller({ ...ctx, user: who === "anonymous" ? null : { ...people[who], via: "session" } });
}

type StepRow = {
  step: string;
  state: "pending" | "running" | "done" | "failed";
  attempts?: number;
  error?: string;
};

/** A processed (visible unless rejected) wallpaper with the given step rows; created_at spaced by `minutesAgo`. */
async function wallpaper(
  db: Database,
  options: { mediaType?: "image" | "video"; minutesAgo: number; moderation?: "pending" | "approved" },
  steps: StepRow[],
): Promise<string> {
  const mediaType = options.mediaType ?? "image";
  const [row] = await db
    .insert(wallpapers)
    .values({
      sha256: randomBytes(32).toString("hex"),
      mediaType,
      mimeType: mediaType === "video" ? "video/mp4" : "image/png",
      originalKey: `originals/${randomBytes(8).toString("hex")}`,
      originalFilename: `w-${options.minutesAgo}.png`,
      sizeBytes: 1000,
      width: 1920,
      height: 1080,
      moderation: options.moderation ?? "approved",
      processedAt: new Date(),
      createdAt: new Date(Date.now() - options.minutesAgo * 60_000),
    })
    .returning({ id: wallpapers.id });
  const id = row?.id ?? "";
  if (steps.length > 0) {
    await db.insert(processingSteps).values(
      steps.map((s) => ({
        wallpaperId: id,
        step: s.step,
        state: s.state,
        attempts: s.attempts ?? 1,
        lastError: s.error ?? null,
      })),
    );
  }
  return id;
}

const done = (...names: string[]): StepRow[] => names.map((step) => ({ step, state: "done" }));

export interface AdminFixtureIds {
  ok: string;
  imageVariants: string;
  imageQualityColor: string;
  videoVariants: string;
  pendingOld: string;
  pendingNew: string;
}

/**
 * The admin users and one wallpaper per processing/moderation situation. Every admin test file
 * seeds the whole set, not just what it touches: the jobs counts and the search results are over
 * all wallpapers, so each file sees the same world the tests were written against.
 */
export async function seedAdminFixture(db: Database): Promise<AdminFixtureIds> {
  await seedUsers(db, Object.values(people));
  const ok = await wallpaper(db, { minutesAgo: 50 }, done("variants", "quality", "color"));
  const imageVariants = await wallpaper(db, { minutesAgo: 40 }, [
    { step: "variants", state: "failed", attempts: 5, error: "sharp: corrupt header" },
    { step: "quality", state: "pending", attempts: 0 },
    { step: "color", state: "pending", attempts: 0 },
  ]);
  const imageQualityColor = await wallpaper(db, { minutesAgo: 30 }, [
    ...done("variants"),
    { step: "quality", state: "failed", attempts: 5, error: "analysis blob missing" },
    { step: "color", state: "failed", attempts: 5, error: "analysis blob missing" },
  ]);
  const videoVariants = await wallpaper(db, { mediaType: "video", minutesAgo: 20 }, [
    ...done("poster"),
    { step: "variants", state: "failed", attempts: 2, error: "poster unreadable" },
    { step: "quality", state: "running", attempts: 1 },
    { step: "color", state: "pending", attempts: 0 },
  ]);
  const pendingOld = await wallpaper(db, { minutesAgo: 15, moderation: "pending" }, []);
  const pendingNew = await wallpaper(db, { minutesAgo: 5, moderation: "pending" }, []);
  return { ok, imageVariants, imageQualityColor, videoVariants, pendingOld, pendingNew };
}

export interface AdminWorld {
  readonly h: Harness;
  readonly ids: AdminFixtureIds;
  callerFor(who: AdminWho): ReturnType<typeof adminCaller>;
}

/** Per test file: a fresh database with the fixture, opened before its tests and closed after them. */
export function useAdminWorld(): AdminWorld {
  let harness: Harness | undefined;
  let seeded: AdminFixtureIds | undefined;
  beforeAll(async () => {
    harness = await openHarness();
    seeded = await seedAdminFixture(harness.deps.db);
  });
  afterAll(async () => {
    await harness?.close();
  });
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the admin test world is not open yet");
    return value;
  };
  return {
    get h() {
      return opened(harness);
    },
    get ids() {
      return opened(seeded);
    },
    callerFor: (who) => adminCaller(opened(harness).deps, who),
  };
}
