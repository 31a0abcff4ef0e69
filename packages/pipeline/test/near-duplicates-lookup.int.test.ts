import { randomBytes } from "node:crypto";
import { type Executor, hashChunkSql, wallpaperHashes, wallpapers } from "@wallpaperdb/db";
import { createTestDatabase, type TestDatabase } from "@wallpaperdb/db/testing";
import {
  type CropHash,
  LAYOUT_LENGTH,
  nearDuplicateDistance,
  SIGNATURE_SCALES,
  type SignatureScale,
} from "@wallpaperdb/imaging/near-duplicates";
import { and, ne, or, type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchNearDuplicates, upsertNearDuplicateHashes } from "../src/near-duplicates.ts";
import { hashChunk } from "../src/near-duplicates-index.ts";
import { chunkNeighbours, chunkRadius, phashChunks, phashToBigint, phashToHex } from "../src/phash.ts";

// The lookup before migration 0025 (four 16-bit chunk columns, then the rows' popcount), with the
// chunk columns spelled as expressions: the reference the index-only lookup must answer exactly like.
async function matchBefore(
  tx: Executor,
  wallpaperId: string,
  signature: readonly CropHash[],
  maxDistance: number,
): Promise<{ wallpaperId: string; distance: number }[]> {
  const radius = chunkRadius(maxDistance);
  const toBigint = (crop: CropHash) => phashToBigint(crop.hash);
  const wholeHash = toBigint(signature.find((crop) => crop.scale === 100) as CropHash);
  const cropHashes = signature.filter((crop) => crop.scale !== 100).map(toBigint);
  const chunkOf = (i: number) => sql`((${wallpaperHashes.hash} >> ${sql.raw(String(48 - 16 * i))}) & 65535)`;
  const lookups = (hashes: bigint[]): SQL[] =>
    [0, 1, 2, 3].map((i) => {
      const values = new Set(hashes.flatMap((hash) => chunkNeighbours(phashChunks(hash)[i] ?? 0, radius)));
      return sql`${chunkOf(i)} = any(${`{${[...values].join(",")}}`}::int[])`;
    });
  const bits = (hash: bigint) =>
    sql`bit_count((${wallpaperHashes.hash} # ${hash.toString()}::bigint)::bit(64))`;
  const isWhole = sql`${wallpaperHashes.scale} = 100`;
  const rows = await tx
    .select()
    .from(wallpaperHashes)
    .where(
      and(
        ne(wallpaperHashes.wallpaperId, wallpaperId),
        or(...lookups([wholeHash]), ...lookups(cropHashes).map((lookup) => and(isWhole, lookup))),
        or(
          sql`${bits(wholeHash)} <= ${maxDistance}`,
          and(isWhole, or(...cropHashes.map((hash) => sql`${bits(hash)} <= ${maxDistance}`))),
        ),
      ),
    );
  return judge(signature, rows, maxDistance);
}

function judge(
  signature: readonly CropHash[],
  rows: { wallpaperId: string; scale: number; hash: bigint; layout: number[] }[],
  maxDistance: number,
): { wallpaperId: string; distance: number }[] {
  const byWallpaper = new Map<string, CropHash[]>();
  for (const row of rows) {
    const crops = byWallpaper.get(row.wallpaperId) ?? [];
    crops.push({ scale: row.scale as SignatureScale, hash: phashToHex(row.hash), layout: row.layout });
    byWallpaper.set(row.wallpaperId, crops);
  }
  const found: { wallpaperId: string; distance: number }[] = [];
  for (const [id, crops] of byWallpaper) {
    const distance = nearDuplicateDistance(signature, crops, maxDistance);
    if (distance !== null) found.push({ wallpaperId: id, distance });
  }
  return found.sort((a, b) => a.distance - b.distance || a.wallpaperId.localeCompare(b.wallpaperId));
}

// A seeded generator, so a failure repeats.
let state = 0x2545f491;
function random32(): number {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return state >>> 0;
}
const randomHash = () => (BigInt(random32()) << 32n) | BigInt(random32());
const flip = (hash: bigint, bits: readonly number[]) =>
  bits.reduce((value, bit) => value ^ (1n << BigInt(bit)), BigInt.asUintN(64, hash));
const hex = (hash: bigint) => phashToHex(BigInt.asIntN(64, hash));
const flat = Array.from({ length: LAYOUT_LENGTH }, () => 0.5);
// Every cell's chroma moved: far beyond the layout limit.
const recoloured = flat.map((value, i) => (i % 3 === 0 ? value : value + 0.2));

// Where the differing bits sit: one chunk only, across the new 22/21/21 and the old 16-bit chunk
// boundaries, evenly over chunks (the pigeonhole's tightest case), or anywhere.
function bitPatterns(count: number): number[][] {
  const spread = (starts: number[]) =>
    Array.from({ length: count }, (_, i) => (starts[i % starts.length] ?? 0) + Math.floor(i / starts.length));
  const distinct = (bits: number[]) => [...new Set(bits)].length === count;
  const patterns = [
    Array.from({ length: count }, (_, i) => 63 - i),
    Array.from({ length: count }, (_, i) => i),
    spread([42, 21, 0]),
    spread([48, 32, 16, 0]),
    spread([41, 20, 63, 47, 31, 15]),
    Array.from({ length: count }, (_, i) => 38 + i),
  ];
  const randomBits = new Set<number>();
  while (randomBits.size < count) randomBits.add(random32() % 64);
  patterns.push([...randomBits]);
  return patterns.filter(distinct);
}

let database: TestDatabase;
const newcomer: CropHash[] = SIGNATURE_SCALES.map((scale) => ({
  scale,
  hash: hex(randomHash()),
  layout: flat,
}));
let newcomerId = "";

async function store(signature: CropHash[]): Promise<string> {
  const sha256 = randomBytes(32).toString("hex");
  const [row] = await database.db
    .insert(wallpapers)
    .values({
      sha256,
      mediaType: "image",
      mimeType: "image/jpeg",
      originalKey: `originals/${sha256}`,
      sizeBytes: 1000,
      width: 1920,
      height: 1080,
    })
    .returning({ id: wallpapers.id });
  if (!row) throw new Error("no wallpaper row");
  await upsertNearDuplicateHashes(database.db, row.id, signature);
  return row.id;
}

const randomSignature = (): CropHash[] =>
  SIGNATURE_SCALES.map((scale) => ({ scale, hash: hex(randomHash()), layout: flat }));

beforeAll(async () => {
  database = await createTestDatabase("wpdb_near_duplicates");
  // The newcomer is stored first, as linkNearDuplicates does: its own rows must never match.
  newcomerId = await store(newcomer);
  const [whole, ...crops] = newcomer.map((crop) => phashToBigint(crop.hash));
  if (whole === undefined) throw new Error("no whole-picture hash");
  for (let distance = 0; distance <= 12; distance++) {
    for (const bits of bitPatterns(distance)) {
      // Our whole picture against their whole picture, and against one of their crops.
      await store(
        randomSignature().map((crop, i) => (i === 0 ? { ...crop, hash: hex(flip(whole, bits)) } : crop)),
      );
      await store(
        randomSignature().map((crop, i) => (i === 3 ? { ...crop, hash: hex(flip(whole, bits)) } : crop)),
      );
      // Our crop against their whole picture; crop against crop (never compared); a recoloured copy.
      const crop = crops[distance % crops.length] ?? whole;
      await store(
        randomSignature().map((one, i) => (i === 0 ? { ...one, hash: hex(flip(crop, bits)) } : one)),
      );
      await store(
        randomSignature().map((one, i) => (i === 2 ? { ...one, hash: hex(flip(crop, bits)) } : one)),
      );
      await store(
        randomSignature().map((one, i) =>
          i === 0 ? { ...one, hash: hex(flip(whole, bits)), layout: recoloured } : one,
        ),
      );
    }
  }
  for (let i = 0; i < 200; i++) await store(randomSignature());
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

describe("matchNearDuplicates (index-only, three chunks)", () => {
  it("answers exactly as the four-chunk lookup did, at, below and above the distance limit", async () => {
    for (const maxDistance of [8, 4, 5, 7, 9, 11]) {
      const now = await matchNearDuplicates(database.db, newcomerId, newcomer, maxDistance);
      const before = await matchBefore(database.db, newcomerId, newcomer, maxDistance);
      expect(now).toEqual(before);
      // The generated rows reach the limit, so the boundary is tested, not only the easy middle.
      expect(now.some((match) => match.distance === maxDistance)).toBe(true);
      expect(now.every((match) => match.distance <= maxDistance)).toBe(true);
      expect(now.map((match) => match.wallpaperId)).not.toContain(newcomerId);
    }
  });

  it("finds every wallpaper the rule links over the whole table, for other signatures too", async () => {
    const rows = await database.db.select().from(wallpaperHashes);
    const probes = [
      newcomer,
      // A signature of unrelated random bits, and the newcomer's whole picture with new crops.
      randomSignature(),
      newcomer.map((crop, i) => (i === 0 ? crop : { ...crop, hash: hex(randomHash()) })),
    ];
    for (const signature of probes) {
      const expected = judge(
        signature,
        rows.filter((row) => row.wallpaperId !== newcomerId),
        8,
      );
      expect(await matchNearDuplicates(database.db, newcomerId, signature)).toEqual(expected);
    }
  });

  it("cuts chunks in SQL as in JS, for negative hashes too", async () => {
    const hashes = [
      0n,
      -1n,
      phashToBigint("8000000000000001"),
      phashToBigint("0123456789abcdef"),
      randomHash(),
    ];
    for (const value of hashes) {
      const hash = BigInt.asIntN(64, value);
      const stored = sql`${hash.toString()}::bigint`;
      const [row] = await database.db.execute<{ c0: string; c1: string; c2: string }>(sql`select
        ${hashChunkSql(stored, 0)}::text as c0, ${hashChunkSql(stored, 1)}::text as c1,
        ${hashChunkSql(stored, 2)}::text as c2`);
      expect([row?.c0, row?.c1, row?.c2].map(Number)).toEqual([0, 1, 2].map((i) => hashChunk(hash, i)));
    }
  });
});
