import { open } from "node:fs/promises";

// A progressive JPEG's probe decode costs nearly a full decode: every scan's coefficients are
// entropy-decoded whatever the output scale (a 5640x3172 one: ~480 ms, against ~10 ms for a baseline
// JPEG at 1/8 scale). Such files get this check of their markers instead, which finds what an
// interrupted transfer leaves: a file that ends before its end-of-image marker. A bitstream damaged
// inside intact markers passes here and fails the variants step's decode, which records the decoder's
// reason as the step's error at once (no retries).

/** Reads up to `length` bytes at `position` (fewer at the end of the input). */
export type ReadAt = (position: number, length: number) => Promise<Buffer>;

const SCAN_CHUNK = 1024 * 1024;
const EOI = Buffer.from([0xff, 0xd9]);
const SOS = 0xda;
const isStandalone = (marker: number) => (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01;

/** The position of the next 0xFF at or after `from`, or -1. */
async function nextFF(read: ReadAt, from: number): Promise<number> {
  for (let position = from; ; position += SCAN_CHUNK) {
    const chunk = await read(position, SCAN_CHUNK);
    if (chunk.length === 0) return -1;
    const found = chunk.indexOf(0xff);
    if (found !== -1) return position + found;
  }
}

/**
 * SOI, then the marker segments up to the first scan, each within the file (stray bytes between
 * segments are skipped, as libjpeg does), then an EOI marker anywhere after that scan's header. Coded
 * data never holds 0xFFD9 (a data byte 0xFF is stuffed as 0xFF00), so finding one means the file
 * reaches its end; what follows the EOI is ignored, as by libjpeg. (A table segment between two
 * progressive scans could hold those two bytes by chance; such a cut file passes here and fails the
 * variants step's decode.) The search is native over 1 MiB chunks: linear in the file, never the
 * whole file in memory, and no per-byte work in JavaScript.
 * Returns what is wrong, or null when the structure is whole.
 */
export async function jpegStructureProblem(read: ReadAt): Promise<string | null> {
  const start = await read(0, 2);
  if (start[0] !== 0xff || start[1] !== 0xd8) return "its start-of-image marker is missing";
  let position = 2;
  for (;;) {
    position = await nextFF(read, position);
    if (position === -1) return "it ends before its end-of-image marker";
    const header = await read(position, 4);
    const marker = header[1];
    if (marker === undefined) return "it ends before its end-of-image marker";
    // 0xFF fill bytes may precede a marker.
    if (marker === 0xff) {
      position += 1;
      continue;
    }
    if (marker === 0xd9) return "it ends before its first scan";
    if (isStandalone(marker) || marker === 0x00) {
      position += 2;
      continue;
    }
    if (header.length < 4) return "it ends before its end-of-image marker";
    const length = header.readUInt16BE(2);
    if (length < 2) return `a segment at byte ${position} has length ${length}`;
    position += 2 + length;
    if (marker === SOS) break;
  }
  // One byte of overlap, so an EOI split across two chunks is still found.
  for (; ; position += SCAN_CHUNK - 1) {
    const chunk = await read(position, SCAN_CHUNK);
    if (chunk.indexOf(EOI) !== -1) return null;
    if (chunk.length < SCAN_CHUNK) return "it ends before its end-of-image marker";
  }
}

/** A ReadAt over bytes in memory. */
export function readerOf(data: Buffer): ReadAt {
  return async (position, length) => data.subarray(position, position + length);
}

/** jpegStructureProblem on a file, read in chunks as it goes. */
export async function jpegFileStructureProblem(path: string): Promise<string | null> {
  const handle = await open(path, "r");
  try {
    return await jpegStructureProblem(async (position, length) => {
      const buffer = Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    });
  } finally {
    await handle.close();
  }
}
