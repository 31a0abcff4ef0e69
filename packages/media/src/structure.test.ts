import { describe, expect, it } from "vitest";
import { jpegStructureProblem, readerOf } from "./structure.ts";

const check = (...values: number[]) => jpegStructureProblem(readerOf(Buffer.from(values)));
const SOI = [0xff, 0xd8];
const EOI = [0xff, 0xd9];
// A segment (APP0-like) of 4 bytes: marker, length 4, two payload bytes.
const APP0 = [0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46];
// SOS with a 3-byte header, then entropy-coded bytes.
const SOS = [0xff, 0xda, 0x00, 0x05, 0x01, 0x02, 0x03];

describe("jpegStructureProblem", () => {
  it("accepts scans with stuffed bytes, restart markers and fill bytes, then anything after EOI", async () => {
    const scan = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd3, 0x56, 0xff, 0xff];
    expect(await check(...SOI, ...APP0, ...SOS, ...scan, ...EOI)).toBeNull();
    // A second scan after a table segment (as in a progressive JPEG), and data appended after EOI.
    const dht = [0xff, 0xc4, 0x00, 0x03, 0x00];
    expect(await check(...SOI, ...SOS, 0x01, ...dht, ...SOS, 0x02, ...EOI, 0x3c, 0x68, 0x74)).toBeNull();
    // Stray bytes between segments and fill bytes before a marker are skipped, as libjpeg does.
    expect(await check(...SOI, 0x00, 0x13, ...APP0, 0xff, 0xff, ...SOS, 0x12, ...EOI)).toBeNull();
  });

  it("names what is missing", async () => {
    expect(await check(0x89, 0x50)).toMatch(/start-of-image/);
    expect(await check(...SOI, ...APP0, ...SOS, 0x12, 0x34)).toMatch(/end-of-image/);
    // A segment whose length runs past the file.
    expect(await check(...SOI, 0xff, 0xe0, 0x01, 0x00, 0x00)).toMatch(/end-of-image/);
    expect(await check(...SOI, 0xff, 0xe0, 0x00, 0x01)).toMatch(/length 1/);
    expect(await check(...SOI, ...APP0, ...EOI)).toMatch(/before its first scan/);
    // The EOI itself cut in half.
    expect(await check(...SOI, ...SOS, 0x12, 0xff)).toMatch(/end-of-image/);
  });

  it("finds an EOI that straddles two read chunks, and reads 64 MiB of stuffed bytes to the end", async () => {
    const chunk = 1024 * 1024;
    const head = Buffer.from([...SOI, ...SOS]);
    const straddling = Buffer.alloc(head.length + chunk * 2, 0x11);
    head.copy(straddling);
    // 0xFF as the last byte of the first chunk read after the scan header, 0xD9 as the first of the next.
    straddling[head.length + chunk - 1] = 0xff;
    straddling[head.length + chunk] = 0xd9;
    expect(await jpegStructureProblem(readerOf(straddling))).toBeNull();

    const flood = Buffer.alloc(64 * chunk);
    for (let i = 0; i < flood.length; i += 2) flood[i] = 0xff;
    head.copy(flood);
    expect(await jpegStructureProblem(readerOf(flood))).toMatch(/end-of-image/);
  });
});
