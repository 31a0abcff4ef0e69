import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import type { ErrorCode } from "@wallpaperdb/core/errors";
import sharp from "sharp";
import type { MediaLimits } from "../src/env.ts";
import {
  icoWrapping,
  minimalPdf,
  pixelFloodPng,
  scriptedSvg,
  tinyBmp,
  tinyPsd,
  zipWithOneFile,
} from "./crafted-files.ts";

const run = promisify(execFile);

export type Expectation = { code: ErrorCode; message?: RegExp } | { accept: Record<string, unknown> };
export interface Case {
  name: string;
  file: string;
  limits?: Partial<MediaLimits>;
  expect: Expectation;
}

async function ffmpeg(dir: string, name: string, ...args: string[]): Promise<string> {
  const file = join(dir, name);
  await run("ffmpeg", ["-nostdin", "-v", "error", "-y", ...args, file]);
  return file;
}

const testsrc = (size: string, rate: number, seconds: number) =>
  ["-f", "lavfi", "-i", `testsrc=size=${size}:rate=${rate}`, "-t", String(seconds)] as const;
const x264 = ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "ultrafast"] as const;

/** Writes every fixture into `dir` and returns what validateMedia must say about each. */
export async function buildBadCorpus(dir: string): Promise<Case[]> {
  const write = async (name: string, data: Buffer | string) => {
    const file = join(dir, name);
    await writeFile(file, data);
    return file;
  };
  const noise = await sharp(randomBytes(256 * 160 * 3), { raw: { width: 256, height: 160, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
  const smallPng = await sharp({ create: { width: 16, height: 16, channels: 4, background: "#08f" } })
    .png()
    .toBuffer();
  const canvas = () => sharp({ create: { width: 120, height: 80, channels: 3, background: "#c33" } });
  const goodMp4 = await ffmpeg(
    dir,
    "good.mp4",
    ...testsrc("320x240", 25, 2),
    ...x264,
    "-movflags",
    "+faststart",
  );
  const mp4Bytes = await readFile(goodMp4);
  const garbled = Buffer.from(mp4Bytes);
  // Keep ftyp+moov (faststart puts them first) intact and scramble the coded frames in mdat.
  const mdat = mp4Bytes.indexOf("mdat") + 4;
  randomBytes(garbled.length - mdat).copy(garbled, mdat);
  const timeoutProbe = await ffmpeg(dir, "slow-probe.mp4", ...testsrc("64x64", 5, 1), ...x264);
  // WebP and progressive JPEG skip the probe decode (validate-image.ts): their damage must still be found.
  const noisy = () => sharp(randomBytes(256 * 160 * 3), { raw: { width: 256, height: 160, channels: 3 } });
  const lossyWebp = await noisy().webp({ quality: 80 }).toBuffer();
  const losslessWebp = await noisy().webp({ lossless: true }).toBuffer();
  const progressive = await noisy().jpeg({ quality: 90, progressive: true }).toBuffer();
  const cut = (data: Buffer) => data.subarray(0, Math.floor(data.length * 0.6));
  // RIFF size kept true, the VP8 chunk claiming more bytes than the file holds.
  const overlongChunk = Buffer.from(lossyWebp);
  overlongChunk.writeUInt32LE(overlongChunk.readUInt32LE(16) + 4096, 16);
  // The VP8 frame header claiming a first partition larger than its chunk.
  const overlongPartition = Buffer.from(lossyWebp);
  overlongPartition.writeUIntLE((overlongPartition.readUIntLE(20, 3) & 0x1f) | (0x7ffff << 5), 20, 3);
  const animatedGif = await ffmpeg(dir, "anim.gif", ...testsrc("64x48", 5, 1));
  const animatedWebp = await sharp(animatedGif, { animated: true }).webp().toBuffer();
  const interlacedPng = await canvas().png({ progressive: true }).toBuffer();

  // biome-ignore format: one case per line reads as a table
  return [
    { name: "pixel flood PNG declaring 100000x100000", file: await write("flood.png", pixelFloodPng(100_000, 100_000)), expect: { code: "too_many_pixels" } },
    { name: "truncated JPEG", file: await write("truncated.jpg", noise.subarray(0, Math.floor(noise.length * 0.6))), expect: { code: "corrupt" } },
    { name: "zero-byte file", file: await write("empty.jpg", Buffer.alloc(0)), expect: { code: "corrupt", message: /empty/ } },
    { name: "HTML named .jpg", file: await write("page.jpg", "<!doctype html><html><body><script>alert(1)</script></body></html>"), expect: { code: "unsupported_type", message: /HTML pages are not accepted/ } },
    { name: "SVG with a script", file: await write("script.svg", scriptedSvg), expect: { code: "unsupported_type", message: /SVG images/ } },
    { name: "SVG named .png", file: await write("script.png", scriptedSvg), expect: { code: "unsupported_type", message: /SVG images/ } },
    { name: "TIFF", file: await write("image.tiff", await canvas().tiff().toBuffer()), expect: { code: "unsupported_type", message: /TIFF images/ } },
    { name: "PDF", file: await write("doc.pdf", minimalPdf), expect: { code: "unsupported_type", message: /PDF documents are not accepted/ } },
    { name: "ZIP renamed .png", file: await write("archive.png", zipWithOneFile("a.png", smallPng)), expect: { code: "unsupported_type", message: /ZIP archives/ } },
    { name: "gzip", file: await write("image.png.gz", gzipSync(smallPng)), expect: { code: "unsupported_type", message: /gzip/ } },
    { name: "m3u8 playlist pointing at a local file", file: await write("playlist.mp4", `#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\nfile://${goodMp4}\n#EXT-X-ENDLIST\n`), expect: { code: "unsupported_type", message: /playlists/ } },
    { name: "ffconcat list pointing at a local file", file: await write("list.webm", `ffconcat version 1.0\nfile '${goodMp4}'\n`), expect: { code: "unsupported_type", message: /concat/ } },
    { name: "oversize file (limit 10 KiB)", file: await write("big.jpg", noise), limits: { maxUploadBytes: 10 * 1024 }, expect: { code: "too_large" } },
    { name: "video too long (5 s, limit 2 s)", file: await ffmpeg(dir, "long.mp4", ...testsrc("64x64", 5, 5), ...x264), limits: { maxVideoSeconds: 2 }, expect: { code: "too_long" } },
    { name: "video wider than 7680 (default limits)", file: await ffmpeg(dir, "wide.mp4", "-f", "lavfi", "-i", "testsrc=size=7800x64:rate=1", "-frames:v", "1", ...x264), expect: { code: "too_many_pixels" } },
    { name: "audio-only MP4", file: await ffmpeg(dir, "audio.mp4", "-f", "lavfi", "-i", "sine", "-t", "1", "-c:a", "aac"), expect: { code: "unsupported_type", message: /Audio-only/ } },
    { name: "MP4 with a disallowed codec (MPEG-4 Part 2)", file: await ffmpeg(dir, "mpeg4.mp4", ...testsrc("64x64", 5, 1), "-c:v", "mpeg4"), expect: { code: "unsupported_type", message: /codec "mpeg4"/ } },
    { name: "truncated MP4 (no moov)", file: await write("truncated.mp4", (await readFile(await ffmpeg(dir, "tail-moov.mp4", ...testsrc("64x64", 5, 2), ...x264))).subarray(0, 2000)), expect: { code: "corrupt" } },
    { name: "garbled MP4 (frames scrambled)", file: await write("garbled.mp4", garbled), expect: { code: "corrupt" } },
    { name: "ffprobe timeout (1 ms)", file: timeoutProbe, limits: { ffprobeTimeoutMs: 1 }, expect: { code: "corrupt", message: /longer than 1 ms/ } },
    { name: "unknown binary", file: await write("blob.jpg", Buffer.concat([Buffer.from([0, 1, 2, 3]), randomBytes(2048)])), expect: { code: "unsupported_type", message: /not recognised/ } },
    { name: "text file", file: await write("notes.png", "These are not pixels.\n"), expect: { code: "unsupported_type", message: /Text files/ } },
    { name: "BMP", file: await write("image.bmp", tinyBmp()), expect: { code: "unsupported_type", message: /BMP/ } },
    { name: "PSD", file: await write("image.psd", tinyPsd()), expect: { code: "unsupported_type", message: /Photoshop/ } },
    { name: "ICO", file: await write("favicon.ico", icoWrapping(smallPng)), expect: { code: "unsupported_type", message: /Icon/ } },
    { name: "JPEG with HTML appended (polyglot)", file: await write("polyglot.jpg", Buffer.concat([noise, Buffer.from("<html><script>alert(1)</script></html>")])), expect: { accept: { mediaType: "image", mimeType: "image/jpeg", width: 256, height: 160 } } },
    { name: "JPEG with EXIF orientation 6 (reported as displayed)", file: await write("rotated.jpg", await canvas().jpeg().withMetadata({ orientation: 6 }).toBuffer()), expect: { accept: { format: "jpeg", width: 80, height: 120 } } },
    { name: "valid MP4", file: goodMp4, expect: { accept: { mediaType: "video", mimeType: "video/mp4", codec: "h264", width: 320, height: 240, durationMs: 2000, fps: 25 } } },
    { name: "valid WebM (VP9)", file: await ffmpeg(dir, "good.webm", ...testsrc("160x90", 10, 1), "-c:v", "libvpx-vp9", "-deadline", "realtime"), expect: { accept: { mimeType: "video/webm", codec: "vp9", width: 160, height: 90, durationMs: 1000, fps: 10 } } },
    { name: "valid MOV", file: await ffmpeg(dir, "good.mov", ...testsrc("96x64", 5, 1), ...x264), expect: { accept: { mimeType: "video/quicktime", codec: "h264", width: 96, height: 64 } } },
    { name: "valid GIF", file: await write("good.gif", await canvas().gif().toBuffer()), expect: { accept: { mimeType: "image/gif", width: 120, height: 80 } } },
    { name: "valid AVIF", file: await write("good.avif", await canvas().avif().toBuffer()), expect: { accept: { format: "avif", mimeType: "image/avif", width: 120, height: 80 } } },
    { name: "valid WebP", file: await write("good.webp", await canvas().webp().toBuffer()), expect: { accept: { mimeType: "image/webp", width: 120, height: 80 } } },
    { name: "valid PNG", file: await write("good.png", smallPng), expect: { accept: { mimeType: "image/png", width: 16, height: 16 } } },
    { name: "truncated lossy WebP", file: await write("truncated.webp", cut(lossyWebp)), expect: { code: "corrupt", message: /damaged/ } },
    { name: "truncated lossless WebP", file: await write("truncated-lossless.webp", cut(losslessWebp)), expect: { code: "corrupt", message: /damaged/ } },
    { name: "WebP whose image chunk runs past the file", file: await write("overlong.webp", overlongChunk), expect: { code: "corrupt", message: /damaged/ } },
    { name: "WebP whose first VP8 partition runs past its chunk", file: await write("overlong-partition.webp", overlongPartition), expect: { code: "corrupt", message: /damaged/ } },
    { name: "truncated progressive JPEG", file: await write("truncated-progressive.jpg", cut(progressive)), expect: { code: "corrupt", message: /before its end-of-image marker/ } },
    { name: "progressive JPEG with HTML appended", file: await write("polyglot-progressive.jpg", Buffer.concat([progressive, Buffer.from("<html></html>")])), expect: { accept: { mimeType: "image/jpeg", width: 256, height: 160 } } },
    { name: "valid lossless WebP", file: await write("lossless.webp", losslessWebp), expect: { accept: { mimeType: "image/webp", width: 256, height: 160 } } },
    { name: "truncated animated WebP (last frame cut)", file: await write("truncated-animated.webp", animatedWebp.subarray(0, animatedWebp.length - 40)), expect: { code: "corrupt", message: /damaged/ } },
    { name: "valid animated WebP", file: await write("animated.webp", animatedWebp), expect: { accept: { mimeType: "image/webp", width: 64, height: 48, pages: 5 } } },
    { name: "valid interlaced PNG (probe decode, not the JPEG walk)", file: await write("interlaced.png", interlacedPng), expect: { accept: { mimeType: "image/png", width: 120, height: 80 } } },
  ];
}
