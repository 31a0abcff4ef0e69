import { readFile } from "node:fs/promises";

// A progressive JPEG's probe decode costs nearly a full decode: every scan's coefficients are
// entropy-decoded whatever the output scale (a 5640x3172 one: ~480 ms, against ~10 ms for a baseline
// JPEG at 1/8 scale). Such files get this walk of their markers instead, which finds what an interrupted
// transfer leaves: a file that ends before its end-of-image marker. A bitstream damaged inside intact
// markers passes here and fails the variants step's decode, which records the decoder's reason as the
// step's error at once (no retries).

const isRestart = (marker: number) => marker >= 0xd0 && marker <= 0xd7;

/**
 * SOI, then marker segments each within the file, then entropy-coded scans (stuffed 0xFF00 bytes and
 * restart markers skipped) up to an EOI marker. What follows the EOI is ignored, as by libjpeg.
 * Returns what is wrong, or null when the structure is whole.
 */
export function jpegStructureProblem(data: Buffer): string | null {
  if (data[0] !== 0xff || data[1] !== 0xd8) return "its start-of-image marker is missing";
  let pos = 2;
  let inScan = false;
  while (pos < data.length) {
    if (inScan) {
      const ff = data.indexOf(0xff, pos);
      if (ff === -1 || ff + 1 >= data.length) break;
      const next = data[ff + 1] as number;
      // 0xFF00 is a stuffed data byte, RSTn sits inside a scan, 0xFFFF is fill before a marker.
      if (next === 0x00 || next === 0xff || isRestart(next)) {
        pos = ff + 1;
        continue;
      }
      inScan = false;
      pos = ff;
      continue;
    }
    if (data[pos] !== 0xff) return `a marker is missing at byte ${pos}`;
    while (data[pos + 1] === 0xff) pos++;
    const marker = data[pos + 1];
    if (marker === undefined) break;
    pos += 2;
    if (marker === 0xd9) return null;
    if (isRestart(marker) || marker === 0x01) continue;
    if (pos + 2 > data.length) break;
    const length = data.readUInt16BE(pos);
    if (length < 2) return `a segment at byte ${pos} has length ${length}`;
    if (pos + length > data.length) break;
    pos += length;
    if (marker === 0xda) inScan = true;
  }
  return "it ends before its end-of-image marker";
}

/** jpegStructureProblem on a file (read whole: uploads are bounded by the byte cap). Null when whole. */
export async function jpegFileStructureProblem(path: string): Promise<string | null> {
  return jpegStructureProblem(await readFile(path));
}
