import { imageMimeTypes, type Sniffed, videoMimeTypes } from "./media-types.ts";

const avifBrands = new Set(["avif", "avis"]);
const heifBrands = new Set([
  "heic",
  "heix",
  "heim",
  "heis",
  "hevc",
  "hevx",
  "hevm",
  "hevs",
  "mif1",
  "msf1",
  "mif2",
]);
const audioBrands = new Set(["M4A ", "M4B ", "M4P ", "F4A ", "F4B "]);
// biome-ignore format: a packed list of short codes reads best
const videoBrands = new Set([
  "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9", "mp41", "mp42", "mp71", "avc1",
  "av01", "hvc1", "hev1", "dash", "cmfc", "cmf2", "M4V ", "M4VH", "M4VP", "mmp4", "MSNV", "NDAS", "XAVC",
  "f4v ", "3gp4", "3gp5", "3gp6", "3gp7", "3gp8", "3gp9", "3g2a", "3g2b", "3g2c", "qt  ",
]);

// Old QuickTime files may start with one of these boxes instead of `ftyp`.
const quickTimeLeadBoxes = new Set(["moov", "mdat", "wide", "free", "skip", "pnot"]);

function fourcc(head: Uint8Array, offset: number): string {
  return Buffer.from(head.subarray(offset, offset + 4)).toString("latin1");
}

function readBrands(head: Uint8Array): { major: string; compatible: string[] } {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const boxSize = view.getUint32(0);
  const end = Math.min(head.length, Math.max(boxSize, 16));
  const compatible: string[] = [];
  for (let offset = 16; offset + 4 <= end; offset += 4) compatible.push(fourcc(head, offset));
  return { major: fourcc(head, 8), compatible };
}

/**
 * ISO base media files (MP4, MOV, HEIF, AVIF, 3GP, M4A, JPEG 2000 part 2…) share the `ftyp` box; its
 * brands say which of them a file claims to be. Image brands win over video ones: an AVIF image sequence
 * still lists `iso8`/`mif1`, and is decoded as an image.
 */
export function sniffIsoMedia(head: Uint8Array): Sniffed | undefined {
  if (head.length < 12) return undefined;
  const boxType = fourcc(head, 4);
  if (boxType !== "ftyp") {
    if (quickTimeLeadBoxes.has(boxType) && head[0] === 0) {
      return { kind: "video", format: "mov", mimeType: videoMimeTypes.mov };
    }
    return undefined;
  }
  const { major, compatible } = readBrands(head);
  const brands = [major, ...compatible];
  if (brands.some((brand) => avifBrands.has(brand))) {
    return { kind: "image", format: "avif", mimeType: imageMimeTypes.avif };
  }
  if (heifBrands.has(major) || (!videoBrands.has(major) && brands.some((brand) => heifBrands.has(brand)))) {
    return { kind: "image", format: "heif", mimeType: imageMimeTypes.heif };
  }
  if (major === "qt  ") return { kind: "video", format: "mov", mimeType: videoMimeTypes.mov };
  if (audioBrands.has(major)) return { kind: "rejected", family: "audio" };
  if (major === "jp2 " || major === "jpx " || major === "jpm ")
    return { kind: "rejected", family: "jpeg2000" };
  if (major === "crx ") return { kind: "rejected", family: "unknown" };
  if (videoBrands.has(major) || brands.some((brand) => videoBrands.has(brand))) {
    return { kind: "video", format: "mp4", mimeType: videoMimeTypes.mp4 };
  }
  return { kind: "rejected", family: "other-video" };
}
