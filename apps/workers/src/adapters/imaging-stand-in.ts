// TEMPORARY stand-in for @wallpaperdb/imaging while it is being written; deleted when it lands.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";

const run = promisify(execFile);
const hash = (data: Buffer) => createHash("sha256").update(data).digest("hex").slice(0, 16);
const ANALYSIS = 64;

export async function renderImageDerivatives(input: string | Buffer) {
  const decoded = sharp(input, { limitInputPixels: 100_000_000 }).rotate().toColourspace("srgb").removeAlpha();
  const { data, info } = await decoded
    .resize(1920, 1920, { fit: "inside", withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const meta = await sharp(input).metadata();
  const width = meta.autoOrient?.width ?? meta.width ?? info.width;
  const height = meta.autoOrient?.height ?? meta.height ?? info.height;
  const raw = { raw: { width: info.width, height: info.height, channels: 3 as const } };
  const variants = [];
  for (const [kind, size] of [["thumb", 480], ["preview", 1920]] as const) {
    for (const format of ["avif", "webp", "jpeg"] as const) {
      const out = await sharp(data, raw)
        .resize(size, size, { fit: "inside", withoutEnlargement: true })
        .toFormat(format, format === "avif" ? { effort: 0 } : { quality: 80 })
        .toBuffer({ resolveWithObject: true });
      variants.push({ kind, format, width: out.info.width, height: out.info.height, data: out.data, contentHash: hash(out.data) });
    }
  }
  const small = await sharp(data, raw).resize(ANALYSIS, ANALYSIS, { fit: "fill" }).raw().toBuffer();
  const ratio = width / height;
  return {
    width,
    height,
    facts: {
      aspectRatio: ratio,
      aspectName: Math.abs(ratio - 16 / 9) < 0.02 ? "16:9" : "other",
      orientation: ratio > 1 ? "landscape" : ratio < 1 ? "portrait" : "square",
      megapixels: (width * height) / 1e6,
      resolutionClass: width >= 3840 ? "4K" : "HD",
    },
    variants,
    thumbhash: small.subarray(0, 24).toString("base64"),
    analysis: small,
  };
}

export const encodeAnalysis = (analysis: Buffer): Buffer => analysis;
export const decodeAnalysis = (buf: Buffer): Buffer => buf;

export function computeQuality(analysis: Buffer, size: { width: number; height: number }) {
  const resolution = Math.min(1, (size.width * size.height) / (3840 * 2160));
  const spread = Math.min(1, new Set(analysis).size / 256);
  return { score: Math.round(100 * (0.6 * resolution + 0.4 * spread)), components: { resolution, spread } };
}

export function computeColorPalette(analysis: Buffer) {
  let sum = 0;
  for (const value of analysis) sum += value;
  const mean = Math.round(sum / analysis.length);
  const hex = `#${mean.toString(16).padStart(2, "0").repeat(3)}`;
  const l = mean / 255;
  return {
    colors: [{ hex, oklab: [l, 0, 0], fraction: 1, name: l > 0.5 ? "white" : "black", nameHex: hex }],
    brightness: l > 0.5 ? ("light" as const) : ("dark" as const),
    luminance: l,
    monochrome: true,
  };
}

export function computePerceptualHash(analysis: Buffer) {
  // dHash over an 8x8 grid of the luma of the 64x64 copy.
  let bits = 0n;
  const luma = (x: number, y: number) => {
    const i = (y * 8 * ANALYSIS + x * 7) * 3;
    return (analysis[i] ?? 0) + (analysis[i + 1] ?? 0) + (analysis[i + 2] ?? 0);
  };
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) bits = (bits << 1n) | (luma(x, y) > luma(x + 1, y) ? 1n : 0n);
  const phash = bits.toString(16).padStart(16, "0");
  return { phash, dhash: phash };
}

const inputArgs = (path: string) => ["-nostdin", "-v", "error", "-protocol_whitelist", "file", "-threads", "1"];

export async function extractPosterFrame(path: string, opts: { durationMs: number; timeoutMs: number }) {
  const at = ((opts.durationMs / 1000) * 0.3).toFixed(2);
  const args = [...inputArgs(path), "-ss", at, "-i", `file:${path}`, "-frames:v", "1", "-f", "image2pipe", "-c:v", "png", "-"];
  const { stdout } = await run("ffmpeg", args, { encoding: "buffer", timeout: opts.timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  if (stdout.length === 0) throw new Error("ffmpeg produced no poster frame");
  return stdout;
}

export async function makePreviewClip(path: string, opts: { durationMs: number; timeoutMs: number }) {
  const dir = await mkdtemp(join(tmpdir(), "wpdb-clip-"));
  try {
    const out = join(dir, "clip.mp4");
    const args = [...inputArgs(path), "-i", `file:${path}`, "-t", "3", "-an", "-vf", "scale=-2:360", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-movflags", "+faststart", out];
    await run("ffmpeg", args, { timeout: opts.timeoutMs });
    const data = await readFile(out);
    const meta = await run("ffprobe", ["-v", "error", "-show_entries", "stream=width,height", "-of", "csv=p=0", out]);
    const [w, h] = meta.stdout.trim().split(",").map(Number);
    return { data, format: "mp4" as const, width: w ?? 0, height: h ?? 360, durationMs: Math.min(3000, opts.durationMs) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
