// Calibration on the shared corpus: each wallpaper's class scores and suggested purity, the highest
// explicit/suggestive scores seen, and each one's nearest neighbour by content embedding.
//   pnpm --filter @wallpaperdb/vision bench:calibrate
// The picture is what the classify step sees: the analysis blob's small plane (512 px long edge, RGB).
import { corpusFiles } from "@wallpaperdb/imaging/testing";
import sharp from "sharp";
import { classifyPixels, embeddingDistance, suggestPurity } from "../src/classify/index.ts";

const print = (line: string) => process.stdout.write(`${line}\n`);
const files = corpusFiles();
const results: { name: string; embedding: number[] }[] = [];
let maxExplicit = 0;
let maxSexy = 0;
const times: number[] = [];
const t0 = performance.now();
for (const file of files) {
  const { data, info } = await sharp(file)
    .resize(512, 512, { fit: "inside" })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const started = performance.now();
  const { scores, embedding } = await classifyPixels({ data, width: info.width, height: info.height });
  times.push(performance.now() - started);
  const name = file.split("/").pop() ?? file;
  results.push({ name, embedding });
  maxExplicit = Math.max(maxExplicit, scores.porn + scores.hentai);
  maxSexy = Math.max(maxSexy, scores.sexy);
  const shown = Object.entries(scores)
    .map(([key, value]) => `${key} ${value.toFixed(3)}`)
    .join("  ");
  print(`${name.padEnd(44)} ${suggestPurity(scores).padEnd(7)} ${shown}`);
}
print(
  `\nfirst (with model load) ${times[0]?.toFixed(0)} ms; then median ${[...times.slice(1)].sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)]?.toFixed(0)} ms per image; total ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
print(`highest porn + hentai ${maxExplicit.toFixed(3)}, highest sexy ${maxSexy.toFixed(3)}`);
print("\nnearest neighbour by embedding (distance 0 = same, 2 = opposite):");
const all: number[] = [];
for (const a of results) {
  let best = { name: "", distance: Number.POSITIVE_INFINITY };
  for (const b of results) {
    if (a === b) continue;
    const distance = embeddingDistance(a.embedding, b.embedding);
    all.push(distance);
    if (distance < best.distance) best = { name: b.name, distance };
  }
  print(`${a.name.padEnd(44)} ${best.distance.toFixed(3)} ${best.name}`);
}
all.sort((x, y) => x - y);
print(
  `all pairs: min ${all[0]?.toFixed(3)}, p10 ${all[Math.floor(all.length * 0.1)]?.toFixed(3)}, median ${all[Math.floor(all.length / 2)]?.toFixed(3)}, max ${all.at(-1)?.toFixed(3)}`,
);
