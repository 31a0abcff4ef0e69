import { readFileSync } from "node:fs";
import { namedPalette, nearestNamedColor, type Oklab, oklabDistance } from "../src/colors.ts";

type E = { oklab: Oklab; fraction: number; name: string };
const walls: { file: string; colors: E[] }[] = JSON.parse(readFileSync("/tmp/colours/palettes.json", "utf8"));
const tagSet = (w: { colors: E[] }) => {
  const m = new Map<string, number>();
  for (const c of w.colors) m.set(c.name, (m.get(c.name) ?? 0) + c.fraction);
  return new Set([...m].filter(([, f]) => f >= 0.1).map(([n]) => n));
};
const swatch = (w: { colors: E[] }, ref: Oklab) =>
  w.colors.some((c) => c.fraction >= 0.04 && oklabDistance(c.oklab, ref) <= 0.08);
const page = (w: { colors: E[] }) => new Set(w.colors.map((c) => c.name));
console.log("BEFORE: colour  tag  swatch  tag∩swatch  page  page∩tag");
const tot = [0, 0, 0];
for (const n of namedPalette) {
  const T = walls.filter((w) => tagSet(w).has(n.name)).length;
  const S = walls.filter((w) => swatch(w, n.oklab)).length;
  const TS = walls.filter((w) => tagSet(w).has(n.name) && swatch(w, n.oklab)).length;
  const P = walls.filter((w) => page(w).has(n.name)).length;
  if (T || S || P) console.log(n.name.padEnd(12), T, S, TS, P);
}
// distances of each entry to nearest named
const ds = walls.flatMap((w) =>
  w.colors.map((c) => ({ d: oklabDistance(c.oklab, nearestNamedColor(c.oklab).oklab), f: c.fraction })),
);
ds.sort((a, b) => a.d - b.d);
const q = (p: number) => ds[Math.floor(p * (ds.length - 1))]?.d.toFixed(3);
console.log(
  "entries",
  ds.length,
  "nearest-named distance quantiles 10/25/50/75/90/max",
  q(0.1),
  q(0.25),
  q(0.5),
  q(0.75),
  q(0.9),
  q(1),
);
const big = ds.filter((x) => x.f >= 0.1);
big.sort((a, b) => a.d - b.d);
const qb = (p: number) => big[Math.floor(p * (big.length - 1))]?.d.toFixed(3);
console.log("entries>=10%", big.length, "quantiles", qb(0.1), qb(0.25), qb(0.5), qb(0.75), qb(0.9), qb(1));
// candidate rules: names within D, summed fraction >= W
for (const D of [0.06, 0.08, 0.1, 0.12, 0.15])
  for (const W of [0.05, 0.1]) {
    let names = 0,
      walls0 = 0,
      multi = 0;
    const per = new Map<string, number>();
    for (const w of walls) {
      const s = namedPalette.filter(
        (n) =>
          w.colors.filter((c) => oklabDistance(c.oklab, n.oklab) <= D).reduce((a, c) => a + c.fraction, 0) >=
          W,
      );
      names += s.length;
      if (s.length === 0) walls0++;
      for (const n of s) per.set(n.name, (per.get(n.name) ?? 0) + 1);
    }
    // coverage: share of pixel weight within D of some name
    const cov =
      walls.reduce(
        (a, w) =>
          a +
          w.colors
            .filter((c) => namedPalette.some((n) => oklabDistance(c.oklab, n.oklab) <= D))
            .reduce((x, c) => x + c.fraction, 0),
        0,
      ) / walls.length;
    console.log(
      `D=${D} W=${W}: names/wallpaper ${(names / walls.length).toFixed(2)}, wallpapers with none ${walls0}, mean pixel share near a name ${(cov * 100).toFixed(0)}%, colours used ${per.size}: ${[
        ...per,
      ]
        .sort((a, b) => b[1] - a[1])
        .map(([n, c]) => n + ":" + c)
        .join(" ")}`,
    );
  }
