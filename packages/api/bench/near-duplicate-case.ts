import type { TestDatabase } from "@wallpaperdb/db/testing";
import { type CropHash, SIGNATURE_SCALES } from "@wallpaperdb/imaging/near-duplicates";
import { matchNearDuplicates } from "@wallpaperdb/pipeline";
import type { Case } from "./search.ts";

/**
 * The upload-time near-duplicate lookup (the pipeline's matchNearDuplicates) for a new wallpaper's
 * signature of random bits, against the seeded wallpapers' five crop hashes each.
 */
export function nearDuplicateCase(database: TestDatabase): Case {
  const randomHex = () =>
    Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16)).join("");
  const layout = Array.from({ length: 48 }, () => 0.5);
  const newcomer = "00000000-0000-4000-8000-000000000000";
  return {
    name: "near-duplicate lookup",
    kind: "near-duplicate",
    trpc: () =>
      matchNearDuplicates(
        database.db,
        newcomer,
        SIGNATURE_SCALES.map((scale): CropHash => ({ scale, hash: randomHex(), layout })),
      ),
    raw: null,
  };
}
