// Issue #17: suggestions never contradict facts. Real corpus pictures whose facts differ (a 16:10 one
// and 16:9, 1:1 and 9:16 neighbours, 4K and FHD), their facts, colours and auto tags derived as the
// worker derives them, neighbours found by the real similarity port; the suggestions carry the
// neighbours' human tags with readable reasons and never a ratio, resolution, orientation or colour.
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Caller } from "@wallpaperdb/auth";
import { wallpaperClassifications, wallpaperFacts, wallpapers } from "@wallpaperdb/db";
import { computeColorPalette, deriveImageFacts, renderImageDerivatives } from "@wallpaperdb/imaging";
import { namedPalette } from "@wallpaperdb/imaging/colors";
import { corpusFile } from "@wallpaperdb/imaging/testing";
import {
  autoTagNames,
  colorTagName,
  factTagKind,
  setAutoTags,
  setTags,
  systemActor,
} from "@wallpaperdb/tags";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCaller, createTRPCContext } from "../src/index.ts";
import { type Harness, openHarness } from "./harness.ts";
import { seedUsers } from "./seed-users.ts";

let harness: Harness;
const curator: Caller = { id: "suggest_curator", role: "curator", via: "session" };
const ids: Record<string, string> = {};

const elephants = corpusFile("mate-backgrounds/usr/share/backgrounds/mate/abstract/Elephants_3840x2160.jpg");
const tallElephants = join(tmpdir(), `suggest-tall-${randomBytes(4).toString("hex")}.png`);

/** Each picture, its human tags, and whether it is close in content to the target (an embedding). */
const pictures: { key: string; file: string; human: string[]; similar: boolean }[] = [
  {
    key: "target",
    file: corpusFile("mate-backgrounds/usr/share/backgrounds/mate/nature/Aqua.jpg"),
    human: ["water"],
    similar: true,
  },
  // People once tagged facts by hand (`16x9`, `portrait`, `1x1`): those tags are `general`, not `meta`.
  { key: "wide", file: elephants, human: ["elephants", "savanna", "16x9", "teal"], similar: true },
  {
    key: "square",
    file: corpusFile("gnome-backgrounds/usr/share/backgrounds/gnome/adwaita-d.webp"),
    human: ["elephants", "abstract"],
    similar: true,
  },
  { key: "tall", file: tallElephants, human: ["elephants", "savanna", "portrait", "9x16"], similar: true },
  {
    key: "duplicate",
    file: corpusFile("mate-backgrounds/usr/share/backgrounds/mate/abstract/Elephants.jpg"),
    human: ["droplets", "fhd"],
    similar: false,
  },
  {
    key: "partner",
    file: corpusFile("mate-backgrounds/usr/share/backgrounds/mate/nature/RainDrops.jpg"),
    human: ["water", "droplets", "1x1"],
    similar: false,
  },
];

/** A unit vector `step` away from the first axis: the similar pictures are close in content. */
const embedding = (step: number) => {
  const vector = Array.from({ length: 64 }, (_, d) => (d === 0 ? 1 : d === step ? 0.1 : 0));
  const length = Math.hypot(...vector);
  return vector.map((v) => v / length);
};

beforeAll(async () => {
  await sharp(elephants).rotate(90).png({ compressionLevel: 1 }).toFile(tallElephants);
  harness = await openHarness();
  const { db } = harness.deps;
  await seedUsers(db, [curator]);
  let step = 1;
  for (const picture of pictures) {
    const { analysis, width, height } = await renderImageDerivatives(picture.file, {
      formats: { thumb: [], preview: [] },
    });
    const facts = deriveImageFacts(width, height);
    const palette = computeColorPalette(analysis);
    const colorNames = palette.names;
    const [row] = await db
      .insert(wallpapers)
      .values({
        sha256: randomBytes(32).toString("hex"),
        mediaType: "image",
        mimeType: "image/jpeg",
        originalKey: `originals/${picture.key}`,
        sizeBytes: 1000,
        width,
        height,
        colorNames,
        processedAt: new Date(),
      })
      .returning({ id: wallpapers.id });
    if (!row) throw new Error("no wallpaper");
    ids[picture.key] = row.id;
    await db.insert(wallpaperFacts).values({ wallpaperId: row.id, ...facts });
    await setTags(db, row.id, { add: picture.human }, curator);
    // What the worker's autotag handler does with these facts (handlers/autotag.ts).
    const names = autoTagNames({
      mediaType: "image",
      ...facts,
      brightness: palette.brightness,
      monochrome: palette.monochrome,
      colorNames,
    });
    await setAutoTags(db, row.id, names, systemActor);
    if (picture.similar) {
      const vector = embedding(step++);
      await db.insert(wallpaperClassifications).values({
        wallpaperId: row.id,
        model: "test",
        ...{ drawing: 0, hentai: 0, neutral: 1, porn: 0, sexy: 0 },
        suggestedPurity: "sfw",
        embedding: vector,
        embeddingSign: 1n,
        embeddingVersion: 1,
      });
    }
  }
  await db.execute(
    sql`insert into wallpaper_near_duplicates (wallpaper_id, duplicate_of, distance) values (${ids.duplicate}, ${ids.target}, 4)`,
  );
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

async function caller(user: Caller | null) {
  const ctx = await createTRPCContext({ headers: new Headers(), deps: harness.deps });
  return createCaller({ ...ctx, user });
}

const autoTagsOf = async (key: string) =>
  (await (await caller(null)).wallpaper.tags({ wallpaperId: ids[key] ?? "" }))
    .filter((tag) => tag.sources.includes("auto"))
    .map((tag) => tag.name);

it("sets up pictures whose facts differ: a 16:10 target, 16:9, 1:1 and 9:16 neighbours", async () => {
  expect(await autoTagsOf("target")).toEqual(expect.arrayContaining(["16x10", "qhd", "landscape"]));
  expect(await autoTagsOf("wide")).toEqual(expect.arrayContaining(["16x9", "4k", "landscape"]));
  expect(await autoTagsOf("square")).toEqual(expect.arrayContaining(["1x1", "4k", "square"]));
  expect(await autoTagsOf("tall")).toEqual(expect.arrayContaining(["9x16", "4k", "portrait"]));
});

it("suggests the neighbours' human tags, each with the evidence it rests on", async () => {
  const suggestions = await (await caller(curator)).wallpaper.suggestTags({ wallpaperId: ids.target ?? "" });
  const byName = new Map(suggestions.map((s) => [s.name, s]));
  expect(byName.get("elephants")?.reasons.map((r) => r.text)).toEqual(["on 3 of 3 similar wallpapers"]);
  expect(byName.get("savanna")?.reasons.map((r) => r.text)).toEqual(["on 2 of 3 similar wallpapers"]);
  expect(byName.get("droplets")?.reasons.map((r) => r.text)).toEqual([
    "on its near-duplicate",
    "often together with water (1 of 1)",
  ]);
  expect(byName.get("abstract")?.reasons).toEqual([
    { kind: "similar", count: 1, of: 3, text: "on 1 of 3 similar wallpapers" },
  ]);
  // Strongest first: what all three similar pictures carry before what one carries.
  expect(suggestions.findIndex((s) => s.name === "elephants")).toBeLessThan(
    suggestions.findIndex((s) => s.name === "abstract"),
  );
});

it("never suggests a ratio, resolution, orientation or colour tag, nor one the wallpaper has", async () => {
  const suggestions = await (await caller(null)).wallpaper.suggestTags({
    wallpaperId: ids.target ?? "",
    limit: 50,
  });
  const names = suggestions.map((s) => s.name);
  expect(names.length).toBeGreaterThan(0);
  expect(names.filter((name) => factTagKind(name) !== null)).toEqual([]);
  for (const fact of [
    "16x9",
    "1x1",
    "9x16",
    "16x10",
    "portrait",
    "square",
    "landscape",
    "4k",
    "qhd",
    "fhd",
  ]) {
    expect(names).not.toContain(fact);
  }
  const colours = new Set(namedPalette.map((color) => colorTagName(color.name)));
  expect(names.filter((name) => colours.has(name))).toEqual([]);
  expect(names).not.toContain("water");
  const categories = await harness.deps.db.execute<{ name: string; category: string }>(
    sql`select name, category::text from tags where name in ('16x9', '9x16', 'portrait', '1x1', 'teal')`,
  );
  // The hand-made fact tags are `general`: the name rule, not the category, keeps them out.
  expect(categories.filter((row) => row.category !== "meta").length).toBeGreaterThan(0);
});
