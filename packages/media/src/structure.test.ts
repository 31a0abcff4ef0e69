import { describe, expect, it } from "vitest";
import { jpegStructureProblem } from "./structure.ts";

const bytes = (...values: number[]) => Buffer.from(values);
const SOI = [0xff, 0xd8];
const EOI = [0xff, 0xd9];
// A segment (APP0-like) of 4 bytes: marker, length 4, two payload bytes.
const APP0 = [0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46];
// SOS with a 3-byte header, then entropy-coded bytes.
const SOS = [0xff, 0xda, 0x00, 0x05, 0x01, 0x02, 0x03];

describe("jpegStructureProblem", () => {
  it("accepts scans with stuffed bytes, restart markers and fill bytes, then anything after EOI", () => {
    const scan = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd3, 0x56, 0xff, 0xff];
    expect(jpegStructureProblem(bytes(...SOI, ...APP0, ...SOS, ...scan, ...EOI))).toBeNull();
    // A second scan after a table segment (as in a progressive JPEG), and data appended after EOI.
    const dht = [0xff, 0xc4, 0x00, 0x03, 0x00];
    const file = bytes(...SOI, ...SOS, 0x01, ...dht, ...SOS, 0x02, ...EOI, 0x3c, 0x68, 0x74);
    expect(jpegStructureProblem(file)).toBeNull();
  });

  it("names what is missing", () => {
    expect(jpegStructureProblem(bytes(0x89, 0x50))).toMatch(/start-of-image/);
    expect(jpegStructureProblem(bytes(...SOI, ...APP0, ...SOS, 0x12, 0x34))).toMatch(/end-of-image/);
    // A segment whose length runs past the file.
    expect(jpegStructureProblem(bytes(...SOI, 0xff, 0xe0, 0x01, 0x00, 0x00))).toMatch(/end-of-image/);
    expect(jpegStructureProblem(bytes(...SOI, 0x00, 0x00))).toMatch(/marker is missing at byte 2/);
    expect(jpegStructureProblem(bytes(...SOI, 0xff, 0xe0, 0x00, 0x01))).toMatch(/length 1/);
    // The EOI itself cut in half.
    expect(jpegStructureProblem(bytes(...SOI, ...SOS, 0x12, 0xff))).toMatch(/end-of-image/);
  });
});
