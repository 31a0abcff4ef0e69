import { open } from "node:fs/promises";
import { imageMimeTypes, type RejectedFamily, type Sniffed, videoMimeTypes } from "./media-types.ts";
import { sniffIsoMedia } from "./sniff-iso.ts";
import { sniffMarkupOrText } from "./sniff-text.ts";

/** Enough for every signature below, including an ftyp box with many compatible brands. */
export const SNIFF_BYTES = 4096;

type Signature = { bytes: (number | null)[]; offset?: number; result: Sniffed };

const rejected = (family: RejectedFamily): Sniffed => ({ kind: "rejected", family });
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

// `null` matches any byte. Order matters only where one signature is a prefix of another.
const signatures: Signature[] = [
  { bytes: [0xff, 0xd8, 0xff], result: { kind: "image", format: "jpeg", mimeType: imageMimeTypes.jpeg } },
  {
    bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    result: { kind: "image", format: "png", mimeType: imageMimeTypes.png },
  },
  { bytes: ascii("GIF87a"), result: { kind: "image", format: "gif", mimeType: imageMimeTypes.gif } },
  { bytes: ascii("GIF89a"), result: { kind: "image", format: "gif", mimeType: imageMimeTypes.gif } },
  {
    bytes: [...ascii("RIFF"), null, null, null, null, ...ascii("WEBP")],
    result: { kind: "image", format: "webp", mimeType: imageMimeTypes.webp },
  },
  { bytes: [...ascii("RIFF"), null, null, null, null, ...ascii("WAVE")], result: rejected("audio") },
  { bytes: [...ascii("RIFF"), null, null, null, null, ...ascii("AVI ")], result: rejected("other-video") },
  { bytes: ascii("%PDF-"), result: rejected("pdf") },
  { bytes: ascii("%!PS"), result: rejected("postscript") },
  { bytes: ascii("II*\0"), result: rejected("tiff") },
  { bytes: ascii("MM\0*"), result: rejected("tiff") },
  { bytes: ascii("II+\0"), result: rejected("tiff") },
  { bytes: ascii("MM\0+"), result: rejected("tiff") },
  // BMP: "BM", the file size, then four reserved zero bytes — so a text file starting "BM" is not a BMP.
  { bytes: [...ascii("BM"), null, null, null, null, 0, 0, 0, 0], result: rejected("bmp") },
  { bytes: ascii("8BPS"), result: rejected("psd") },
  { bytes: [0, 0, 1, 0], result: rejected("ico") },
  { bytes: [0, 0, 2, 0], result: rejected("ico") },
  { bytes: [0x00, 0x00, 0x00, 0x0c, ...ascii("jP  "), 0x0d, 0x0a, 0x87, 0x0a], result: rejected("jpeg2000") },
  { bytes: [0xff, 0x4f, 0xff, 0x51], result: rejected("jpeg2000") },
  { bytes: [0x00, 0x00, 0x00, 0x0c, ...ascii("JXL "), 0x0d, 0x0a, 0x87, 0x0a], result: rejected("jpegxl") },
  { bytes: [0xff, 0x0a], result: rejected("jpegxl") },
  { bytes: ascii("PK\x03\x04"), result: rejected("zip") },
  { bytes: ascii("PK\x05\x06"), result: rejected("zip") },
  { bytes: ascii("PK\x07\x08"), result: rejected("zip") },
  { bytes: [0x1f, 0x8b], result: rejected("gzip") },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], result: rejected("archive") },
  { bytes: ascii("Rar!\x1a\x07"), result: rejected("archive") },
  { bytes: ascii("BZh"), result: rejected("archive") },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], result: rejected("archive") },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], result: rejected("archive") },
  { bytes: [0x7f, ...ascii("ELF")], result: rejected("executable") },
  { bytes: ascii("MZ"), result: rejected("executable") },
  { bytes: ascii("#!"), result: rejected("executable") },
  { bytes: ascii("ID3"), result: rejected("audio") },
  { bytes: ascii("fLaC"), result: rejected("audio") },
  { bytes: ascii("OggS"), result: rejected("other-video") },
  { bytes: ascii("FLV"), result: rejected("other-video") },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], result: { kind: "video", format: "mkv", mimeType: videoMimeTypes.mkv } },
];

function matches(head: Uint8Array, signature: Signature): boolean {
  const offset = signature.offset ?? 0;
  if (head.length < offset + signature.bytes.length) return false;
  return signature.bytes.every((byte, i) => byte === null || head[offset + i] === byte);
}

/** Matroska and WebM share the EBML magic; the DocType element near the start tells them apart. */
function refineEbml(head: Uint8Array): Sniffed {
  const text = Buffer.from(head.subarray(0, 64)).toString("latin1");
  if (text.includes("webm")) return { kind: "video", format: "webm", mimeType: videoMimeTypes.webm };
  return { kind: "video", format: "mkv", mimeType: videoMimeTypes.mkv };
}

/**
 * The real type of a file from its first bytes. File names and declared MIME types are never consulted:
 * a client can say anything, bytes are what decoders act on.
 */
export function sniffBytes(head: Uint8Array): Sniffed {
  if (head.length === 0) return rejected("empty");
  const iso = sniffIsoMedia(head);
  if (iso) return iso;
  for (const signature of signatures) {
    if (!matches(head, signature)) continue;
    return signature.result.kind === "video" ? refineEbml(head) : signature.result;
  }
  return sniffMarkupOrText(head);
}

/** Reads only the first SNIFF_BYTES of the file. */
export async function sniffFile(path: string): Promise<Sniffed> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return sniffBytes(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
