import { describe, expect, it } from "vitest";
import { icoFromPng } from "./ico.ts";

describe("icoFromPng", () => {
  it("writes an icon header and one directory entry pointing at the PNG", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const ico = icoFromPng(png, 32);
    const view = new DataView(ico.buffer);
    expect([view.getUint16(0, true), view.getUint16(2, true), view.getUint16(4, true)]).toEqual([0, 1, 1]);
    expect([ico[6], ico[7]]).toEqual([32, 32]);
    expect(view.getUint32(14, true)).toBe(png.length);
    expect(view.getUint32(18, true)).toBe(22);
    expect([...ico.slice(22)]).toEqual([...png]);
  });

  it("writes 256 px as 0, as the format asks", () => {
    const ico = icoFromPng(new Uint8Array(4), 256);
    expect([ico[6], ico[7]]).toEqual([0, 0]);
  });
});
