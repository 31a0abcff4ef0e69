// The variants step's formats, before and after the medium variant and AVIF-only storage, on the same
// files in the same run: CPU per image of the whole render (decode, resizes, encodes, analysis planes)
// and the bytes it stores. The two sets alternate file by file, so load that comes and goes on a shared
// machine weighs on both alike. Also what a page then downloads per image, and what the lazy formats
// cost the media route when a browser without AVIF asks for them.
import * as imaging from "@wallpaperdb/imaging";
import { EAGER_FORMATS } from "../src/adapters/imaging.ts";

type Formats = NonNullable<imaging.RenderOptions["formats"]>;

/** What the pipeline stored before: thumb in every format, preview WebP and JPEG (its AVIF lazy), no medium. */
export const OLD_FORMATS: Formats = {
  thumb: ["avif", "webp", "jpeg"],
  medium: [],
  preview: ["webp", "jpeg"],
};

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function measure(data: Buffer, formats: Formats) {
  const start = cpuMs();
  const rendered = await imaging.renderImageDerivatives(data, { formats });
  const ms = cpuMs() - start;
  const bytes = new Map(rendered.variants.map((v) => [`${v.kind}.${v.format}`, v.data.length]));
  const sizes = new Map(rendered.variants.map((v) => [v.kind, { width: v.width, height: v.height }]));
  return { ms, bytes, sizes };
}

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

export async function compareVariantSets(files: Array<{ data: Buffer }>, out: (line: string) => void) {
  const totals = { old: { ms: 0, bytes: 0 }, new: { ms: 0, bytes: 0 } };
  const fetched = { phoneOld: 0, phoneNew: 0, desktopOld: 0, desktopNew: 0 };
  // Warm-up: the first encode of each codec loads and initializes it.
  const first = files[0];
  if (first) await measure(first.data, { thumb: imaging.ALL_FORMATS, medium: imaging.ALL_FORMATS });
  for (const [i, file] of files.entries()) {
    const order = i % 2 === 0 ? (["old", "new"] as const) : (["new", "old"] as const);
    for (const set of order) {
      const result = await measure(file.data, set === "old" ? OLD_FORMATS : EAGER_FORMATS);
      totals[set].ms += result.ms;
      totals[set].bytes += sum(result.bytes.values());
      // What a phone's wallpaper page takes (an AVIF browser): before, the preview (its AVIF, rendered
      // lazily, not measured here, so its WebP stands in), now the medium AVIF; a desktop's: the preview.
      if (set === "old") {
        fetched.phoneOld += result.bytes.get("preview.webp") ?? 0;
        fetched.desktopOld += result.bytes.get("preview.webp") ?? 0;
      } else {
        fetched.phoneNew += result.bytes.get("medium.avif") ?? 0;
        fetched.desktopNew += result.bytes.get("preview.avif") ?? 0;
      }
    }
  }
  const n = files.length;
  const per = (value: number) => value / n;
  out(`variant sets, ${n} images one at a time, alternating (CPU of the whole render, bytes stored):`);
  out(
    `  old (thumb avif+webp+jpeg, preview webp+jpeg): ${per(totals.old.ms).toFixed(0)} ms CPU, ${kib(per(totals.old.bytes))} per image`,
  );
  out(
    `  new (thumb, medium, preview: avif):            ${per(totals.new.ms).toFixed(0)} ms CPU, ${kib(per(totals.new.bytes))} per image`,
  );
  out(
    `  ratio new / old: CPU ${(totals.new.ms / totals.old.ms).toFixed(2)}, bytes stored ${(totals.new.bytes / totals.old.bytes).toFixed(2)} (target CPU <= 1)`,
  );
  out(
    `  a phone's wallpaper page: ${kib(per(fetched.phoneNew))} (medium avif) against ${kib(per(fetched.phoneOld))} (preview webp): ratio ${(fetched.phoneNew / fetched.phoneOld).toFixed(2)}`,
  );
  out(
    `  a desktop's wallpaper page: ${kib(per(fetched.desktopNew))} (preview avif, now stored) against ${kib(per(fetched.desktopOld))} (preview webp)`,
  );
  // The lazy formats' cost falls on the media route, once per file and only when asked for.
  const lazyStart = cpuMs();
  const sample = files.slice(0, Math.min(6, n));
  for (const file of sample) {
    for (const kind of imaging.IMAGE_VARIANT_KINDS) {
      for (const format of ["webp", "jpeg"] as const) await imaging.renderVariant(file.data, kind, format);
    }
  }
  out(
    `  lazy webp+jpeg of all three kinds (media route, first request only): ${((cpuMs() - lazyStart) / sample.length).toFixed(0)} ms CPU per image`,
  );
}
