import { deriveImageFacts } from "@wallpaperdb/imaging";
import { namedColorsOf, namedPalette, nearestNamedColor, oklabToHex } from "@wallpaperdb/imaging/colors";

/** A small deterministic corpus the contract suite seeds and checks results against (test/oracle.ts). */
export interface FixtureColor {
  hex: string;
  l: number;
  a: number;
  b: number;
  fraction: number;
  name: string;
  nameHex: string;
}

export interface FixtureWallpaper {
  id: string;
  mediaType: "image" | "video";
  width: number;
  height: number;
  createdAt: Date;
  moderation: "approved" | "pending";
  processed: boolean;
  aspectName: string | null;
  orientation: string;
  quality: number | null;
  phash: bigint;
  colors: FixtureColor[];
  /** the named colours by the one colour rule, as the colour step stores them in `color_names` */
  colorNames: string[];
  /** tag name → sources ("human" and "auto" both present tests the two-rows-per-tag case) */
  tags: Map<string, ("human" | "auto")[]>;
  /** the uploader's handle (`fixtureUploaders`), null for an anonymous upload */
  uploader: string | null;
}

export const fixtureTags = ["nature", "city", "space", "anime", "cat", "dog", "mountain", "night"] as const;
/** Accounts that uploaded fixture wallpapers, by handle; `uploader:` finds theirs. */
export const fixtureUploaders = ["ada", "grace"] as const;
export const fixtureAliases: [alias: string, tag: string][] = [["kitty", "cat"]];

const sizes: [number, number][] = [
  [1920, 1080],
  [2560, 1440],
  [3840, 2160],
  [3440, 1440],
  [1080, 1920],
  [1200, 1200],
  [1280, 1024],
  [5120, 2880],
];

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function makeFixture(count = 240, seed = 7): FixtureWallpaper[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const base = Date.parse("2026-01-01T00:00:00Z");
  const rows: FixtureWallpaper[] = [];
  for (let i = 0; i < count; i++) {
    const [width, height] = pick(sizes);
    const facts = deriveImageFacts(width, height);
    // Every fifth wallpaper shares its timestamp with the previous one: keyset ties on created_at.
    const createdAt = new Date(
      i % 5 === 4 ? (rows.at(-1)?.createdAt.getTime() ?? base) : base + i * 3_600_000,
    );
    const colorCount = 2 + Math.floor(random() * 3);
    let remaining = 1;
    const colors: FixtureColor[] = [];
    for (let rank = 0; rank < colorCount; rank++) {
      const swatch = pick(namedPalette);
      const lab: [number, number, number] = [
        Math.fround(swatch.oklab[0] + (random() - 0.5) * 0.04),
        Math.fround(swatch.oklab[1] + (random() - 0.5) * 0.04),
        Math.fround(swatch.oklab[2] + (random() - 0.5) * 0.04),
      ];
      const fraction = Math.fround(rank === colorCount - 1 ? remaining : remaining * (0.4 + random() * 0.4));
      remaining -= fraction;
      const named = nearestNamedColor(lab);
      colors.push({
        hex: oklabToHex(lab),
        l: lab[0],
        a: lab[1],
        b: lab[2],
        fraction,
        name: named.name,
        nameHex: named.hex,
      });
    }
    const tags = new Map<string, ("human" | "auto")[]>();
    for (const tag of fixtureTags) {
      if (random() < 0.3)
        tags.set(tag, random() < 0.2 ? ["human", "auto"] : [random() < 0.5 ? "human" : "auto"]);
    }
    // Near-duplicates: every tenth wallpaper's hash is the previous one's with two bits flipped.
    const previous = rows.at(-1);
    const phash =
      i % 10 === 9 && previous
        ? BigInt.asIntN(64, previous.phash ^ 0x0100000000000010n)
        : BigInt.asIntN(
            64,
            (BigInt(Math.floor(random() * 2 ** 32)) << 32n) | BigInt(Math.floor(random() * 2 ** 32)),
          );
    rows.push({
      id: uuidFrom(random),
      mediaType: random() < 0.1 ? "video" : "image",
      width,
      height,
      createdAt,
      moderation: random() < 0.05 ? "pending" : "approved",
      processed: random() >= 0.05,
      aspectName: facts.aspectName,
      orientation: facts.orientation,
      quality: random() < 0.03 ? null : Math.fround(Math.round(random() * 1000) / 10),
      phash,
      colors,
      colorNames: namedColorsOf(colors),
      tags,
      // From the index, not the generator: the random sequence (and so every other field) stays as it was.
      uploader: i % 3 === 2 ? null : (fixtureUploaders[i % 3] ?? null),
    });
  }
  return rows;
}
