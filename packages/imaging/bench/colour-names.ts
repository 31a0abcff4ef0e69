// Measurement (not a test): on the real corpus, which wallpapers each named colour reaches by the
// three rules that existed before the one colour rule (auto tag, swatch search, page names) and by the
// one rule now, and how the rule's two numbers behave. `pnpm --filter @wallpaperdb/imaging bench:colour-names`
import { configureSharp } from "@wallpaperdb/media";
import { computeColorPalette, type PaletteColor } from "../src/color-palette.ts";
import {
  COLOR_MATCH_DISTANCE,
  MIN_COLOR_FRACTION,
  namedColorsOf,
  namedPalette,
  oklabDistance,
} from "../src/colors.ts";
import { renderImageDerivatives } from "../src/render-derivatives.ts";
import { corpusFiles } from "../src/testing.ts";

const write = (line: string) => process.stdout.write(`${line}\n`);
configureSharp();
const palettes: PaletteColor[][] = [];
for (const file of corpusFiles()) {
  const { analysis } = await renderImageDerivatives(file, { formats: { thumb: [], preview: [] } });
  palettes.push(computeColorPalette(analysis).colors);
}
const entries = (p: PaletteColor[]) => p.map(({ oklab: [l, a, b], fraction }) => ({ l, a, b, fraction }));

// The rules before: the auto tag summed the fractions of entries whose NEAREST swatch was the colour
// (≥ 10 %); the swatch search took any entry within 0.08 covering ≥ 4 %; the page listed each entry's
// nearest swatch, whatever its size.
const before = {
  tag: (p: PaletteColor[], name: string) =>
    p.filter((c) => c.name === name).reduce((sum, c) => sum + c.fraction, 0) >= 0.1,
  swatch: (p: PaletteColor[], name: string) => {
    const ref = namedPalette.find((c) => c.name === name)?.oklab ?? [0, 0, 0];
    return p.some((c) => c.fraction >= 0.04 && oklabDistance(c.oklab, ref) <= 0.08);
  },
  page: (p: PaletteColor[], name: string) => p.some((c) => c.name === name),
};

write(
  `${palettes.length} wallpapers; before: tag / swatch / both / page   after (one rule): tag = swatch = page`,
);
for (const { name } of namedPalette) {
  const count = (test: (p: PaletteColor[]) => boolean) => palettes.filter(test).length;
  const tag = count((p) => before.tag(p, name));
  const swatch = count((p) => before.swatch(p, name));
  const both = count((p) => before.tag(p, name) && before.swatch(p, name));
  const page = count((p) => before.page(p, name));
  const after = count((p) => namedColorsOf(entries(p)).includes(name));
  if (tag + swatch + page + after > 0)
    write(
      `${name.padEnd(12)} ${[tag, swatch, both, page].map((n) => String(n).padStart(3)).join(" ")}   ${String(after).padStart(3)}`,
    );
}

write(`\nthe rule's numbers (chosen: D=${COLOR_MATCH_DISTANCE}, weight ≥ ${MIN_COLOR_FRACTION}):`);
for (const d of [0.08, 0.1, 0.12]) {
  for (const w of [0.04, 0.1]) {
    const named = (p: PaletteColor[]) =>
      namedPalette.filter((n) => p.some((c) => c.fraction >= w && oklabDistance(c.oklab, n.oklab) <= d));
    const perWallpaper = palettes.reduce((sum, p) => sum + named(p).length, 0) / palettes.length;
    const none = palettes.filter((p) => named(p).length === 0).length;
    const largestNamed = palettes.filter((p) => {
      const top = p[0];
      return top && namedPalette.some((n) => oklabDistance(top.oklab, n.oklab) <= d);
    }).length;
    write(
      `D=${d} weight≥${w}: ${perWallpaper.toFixed(2)} names per wallpaper, ${none} with none, largest colour named for ${largestNamed}`,
    );
  }
}
