import { randomBytes } from "node:crypto";
import { wallpaperNearDuplicates, wallpapers } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import { type CropHash, computeNearDuplicateSignature, nearDuplicateDistance } from "@wallpaperdb/imaging";
import { corpusFiles } from "@wallpaperdb/imaging/testing";
import { linkNearDuplicates } from "@wallpaperdb/pipeline";
import { eq } from "drizzle-orm";
import sharp, { type Sharp } from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The near-duplicate test set, made from the shared corpus: every wallpaper's signature for the
// all-pairs check (no two different pictures may link), and for a sample, the edited copies people
// actually upload, each of which must be linked and flagged through the database lookup.

/** The ≤512 px sRGB copy renderImageDerivatives stores as analysis.small (alpha onto black, as there). */
async function signatureOf(input: string | Buffer): Promise<CropHash[]> {
  const { data, info } = await sharp(input)
    .rotate()
    .flatten({ background: "#000000" })
    .resize(512, 512, { fit: "inside" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return computeNearDuplicateSignature({
    small: { data, width: info.width, height: info.height, channels: 3 },
  });
}

/** The corpus ships Elephants at three resolutions: one picture, so those links are right. */
const samePicture = (a: string, b: string) => a.includes("/Elephants") && b.includes("/Elephants");
const name = (file: string) => file.split("/").pop() ?? file;

async function editedCopies(file: string): Promise<Record<string, Buffer>> {
  // Copies come from a 2048 px lossless base, as an editor would export them.
  const base = await sharp(file)
    .rotate()
    .flatten({ background: "#000000" })
    .resize(2048, 2048, { fit: "inside", withoutEnlargement: true })
    .png({ compressionLevel: 0 })
    .toBuffer();
  const { width = 0, height = 0 } = await sharp(base).metadata();
  const png = (image: Sharp) => image.png({ compressionLevel: 0 }).toBuffer();
  const centreCrop = (fraction: number) => {
    const w = Math.round(width * fraction);
    const h = Math.round(height * fraction);
    const region = {
      left: Math.floor((width - w) / 2),
      top: Math.floor((height - h) / 2),
      width: w,
      height: h,
    };
    return png(sharp(base).extract(region).resize(width, height, { fit: "fill" }));
  };
  const dx = Math.round(width * 0.05);
  const dy = Math.round(height * 0.05);
  return {
    "crop 80 %": await centreCrop(0.8),
    "crop 90 %": await centreCrop(0.9),
    "crop 95 %": await centreCrop(0.95),
    "5 % border": await png(
      sharp(base).extend({ left: dx, right: dx, top: dy, bottom: dy, background: "#ffffff" }),
    ),
    "half size": await png(sharp(base).resize(Math.round(width / 2))),
    "JPEG q30": await sharp(base).jpeg({ quality: 30 }).toBuffer(),
    "+10 % brightness": await png(sharp(base).modulate({ brightness: 1.1 })),
  };
}

let database: TestDatabase;
const files = corpusFiles();
const signatures = new Map<string, CropHash[]>();

async function insertWallpaper(): Promise<string> {
  const sha256 = randomBytes(32).toString("hex");
  const [row] = await database.db
    .insert(wallpapers)
    .values({
      sha256,
      mediaType: "image",
      mimeType: "image/png",
      originalKey: `originals/${sha256.slice(0, 2)}/${sha256}`,
      sizeBytes: 1000,
      width: 1920,
      height: 1080,
    })
    .returning({ id: wallpapers.id });
  if (!row) throw new Error("no wallpaper row");
  return row.id;
}

beforeAll(async () => {
  database = await createTestDatabase("wpdb_near_duplicates");
  for (const file of files) signatures.set(file, await signatureOf(file));
}, 120_000);
afterAll(async () => {
  await database?.drop();
});

describe("near-duplicates on the corpus", () => {
  it("links no two different pictures over the whole corpus (all pairs)", () => {
    const falseLinks: string[] = [];
    let sameLinked = 0;
    for (let i = 0; i < files.length; i++) {
      for (let j = i + 1; j < files.length; j++) {
        const [a = "", b = ""] = [files[i], files[j]];
        const distance = nearDuplicateDistance(signatures.get(a) ?? [], signatures.get(b) ?? []);
        if (samePicture(a, b)) sameLinked += distance === null ? 0 : 1;
        else if (distance !== null) falseLinks.push(`${name(a)} ~ ${name(b)} (${distance} bits)`);
      }
    }
    process.stdout.write(`all pairs: ${files.length} wallpapers, false links: ${falseLinks.length}\n`);
    expect(falseLinks).toEqual([]);
    expect(sameLinked).toBe(3);
  });

  it("links and flags every edited copy of sampled wallpapers to its original, and to nothing else", async () => {
    const ids = new Map<string, string>();
    for (const file of files) {
      const id = await insertWallpaper();
      ids.set(file, id);
      await database.db.transaction((tx) => linkNearDuplicates(tx, id, signatures.get(file) ?? []));
    }
    // Every seventh wallpaper: GNOME art, MATE abstract and desktop art, a series variant, a photo.
    const sample = files.filter((_, i) => i % 7 === 2);
    const missed: string[] = [];
    const distances: number[] = [];
    for (const file of sample) {
      const originalId = ids.get(file) ?? "";
      // A copy may also match the copies of the same wallpaper made before it: those are right too.
      const allowed = new Set(files.filter((other) => samePicture(file, other)).map((f) => ids.get(f)));
      allowed.add(originalId);
      for (const [edit, bytes] of Object.entries(await editedCopies(file))) {
        const copyId = await insertWallpaper();
        const found = await database.db.transaction(async (tx) =>
          linkNearDuplicates(tx, copyId, await signatureOf(bytes)),
        );
        allowed.add(copyId);
        const flags = await database.db
          .select()
          .from(wallpaperNearDuplicates)
          .where(eq(wallpaperNearDuplicates.wallpaperId, copyId));
        const flagged = flags.some((flag) => flag.duplicateOf === originalId && !flag.resolved);
        const toOriginal = found.find((match) => match.wallpaperId === originalId);
        if (toOriginal) distances.push(toOriginal.distance);
        const strays = found.filter((match) => !allowed.has(match.wallpaperId));
        if (!toOriginal || !flagged || strays.length > 0)
          missed.push(`${name(file)} ${edit}: ${JSON.stringify(found)}`);
      }
    }
    process.stdout.write(
      `edited copies: ${sample.length} wallpapers x 7 edits, missed ${missed.length}, distances ${distances.sort((a, b) => a - b).join(",")}\n`,
    );
    expect(missed).toEqual([]);
    expect(distances).toHaveLength(sample.length * 7);
  }, 120_000);
});
