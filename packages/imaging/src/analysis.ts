import { constants, inflateSync, zstdCompressSync, zstdDecompressSync } from "node:zlib";
import { releaseBuffers } from "./release-buffers.ts";

export interface GrayPlane {
  data: Buffer;
  width: number;
  height: number;
}

export interface RgbPlane extends GrayPlane {
  channels: 3;
}

/** Small derived pixel buffers: everything quality, color and hashes need, without the original. */
export interface ImageAnalysis {
  /** sRGB, ≤512 px on the long edge: palette and perceptual hashes. */
  small: RgbPlane;
  /** Luminance at native resolution, a ≤1024x1024 center crop aligned to the 16 px JPEG grid. */
  grayNative: GrayPlane;
  /** Luminance of the whole image scaled to 1024 px on the long edge: sharpness comparable across sizes. */
  normalized: GrayPlane;
}

// "WPA1": magic + version, so a stored blob from another format version is refused, not misread.
const MAGIC = 0x57504131;
const HEADER_BYTES = 4 + 6 * 4;

function checkPlane(name: string, plane: GrayPlane, channels: number): void {
  if (plane.data.length !== plane.width * plane.height * channels) {
    throw new RangeError(
      `${name}: ${plane.data.length} bytes for ${plane.width}x${plane.height}x${channels}`,
    );
  }
}

/** A zstd frame starts with these bytes; blobs written before zstd was used are zlib (deflate) streams. */
const ZSTD_FRAME_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);

/** Header (magic + six uint32 sizes) then the three planes, zstd-compressed: ~2 MB raw, a bit less stored. */
export function encodeAnalysis(analysis: ImageAnalysis): Buffer {
  const { small, grayNative, normalized } = analysis;
  checkPlane("small", small, 3);
  checkPlane("grayNative", grayNative, 1);
  checkPlane("normalized", normalized, 1);
  const header = Buffer.alloc(HEADER_BYTES);
  const sizes = [
    small.width,
    small.height,
    grayNative.width,
    grayNative.height,
    normalized.width,
    normalized.height,
  ];
  header.writeUInt32BE(MAGIC, 0);
  for (const [i, size] of sizes.entries()) header.writeUInt32BE(size, 4 + i * 4);
  // Level 1: the planes are photographic and barely compress, so speed is what counts; zstd at level 1
  // is ~10x faster than deflate at level 1 here (the variants step encodes one per wallpaper).
  return zstdCompressSync(Buffer.concat([header, small.data, grayNative.data, normalized.data]), {
    params: { [constants.ZSTD_c_compressionLevel]: 1 },
  });
}

export function decodeAnalysis(blob: Buffer): ImageAnalysis {
  const raw = blob.subarray(0, 4).equals(ZSTD_FRAME_MAGIC) ? zstdDecompressSync(blob) : inflateSync(blob);
  if (raw.length < HEADER_BYTES || raw.readUInt32BE(0) !== MAGIC)
    throw new RangeError("Not an analysis blob");
  const size = (i: number) => raw.readUInt32BE(4 + i * 4);
  const lengths = [size(0) * size(1) * 3, size(2) * size(3), size(4) * size(5)];
  if (HEADER_BYTES + lengths.reduce((a, b) => a + b, 0) !== raw.length) {
    throw new RangeError("Analysis blob is truncated or has trailing bytes");
  }
  const smallEnd = HEADER_BYTES + (lengths[0] ?? 0);
  const nativeEnd = smallEnd + (lengths[1] ?? 0);
  return {
    small: { data: raw.subarray(HEADER_BYTES, smallEnd), width: size(0), height: size(1), channels: 3 },
    grayNative: { data: raw.subarray(smallEnd, nativeEnd), width: size(2), height: size(3) },
    normalized: { data: raw.subarray(nativeEnd), width: size(4), height: size(5) },
  };
}

/**
 * Frees an analysis's planes once its reader is done (see releaseBuffers): the three planes of a
 * decoded blob are views of one decompressed buffer, those of a fresh render are buffers of their own.
 */
export function releaseAnalysis(analysis: ImageAnalysis): void {
  const planes = [analysis.small.data, analysis.grayNative.data, analysis.normalized.data];
  const owner = planes[0]?.buffer;
  const shared = planes.every((plane) => plane.buffer === owner);
  if (shared && owner instanceof ArrayBuffer && !owner.detached) {
    const total = planes.reduce((sum, plane) => sum + plane.byteLength, HEADER_BYTES);
    if (owner.byteLength === total) owner.transfer(0);
    return;
  }
  releaseBuffers(planes);
}
