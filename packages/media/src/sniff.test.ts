import { describe, expect, it } from "vitest";
import { sniffBytes } from "./sniff.ts";

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(
    parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))),
  );

function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const size = 16 + compatible.length * 4;
  return bytes([0, 0, 0, size], "ftyp", major, [0, 0, 0, 0], ...compatible, [0, 0, 0, 8], "mdat");
}

describe("sniffBytes", () => {
  it.each([
    ["jpeg", bytes([0xff, 0xd8, 0xff, 0xe0], "\0\x10JFIF")],
    ["png", bytes([0x89], "PNG\r\n\x1a\n")],
    ["gif", bytes("GIF89a", [1, 0, 1, 0])],
    ["gif", bytes("GIF87a", [1, 0, 1, 0])],
    ["webp", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ")],
    ["avif", ftyp("avif", "mif1", "miaf")],
    ["avif", ftyp("mif1", "avif", "miaf")],
    ["heif", ftyp("heic", "mif1", "heic")],
  ])("recognises a %s image", (format, head) => {
    expect(sniffBytes(head)).toMatchObject({ kind: "image", format });
  });

  it.each([
    ["mp4", ftyp("isom", "iso2", "avc1", "mp41")],
    ["mp4", ftyp("mp42", "isom")],
    ["mov", ftyp("qt  ", "qt  ")],
    ["mov", bytes([0, 0, 0, 8], "wide", [0, 0, 0, 8], "mdat")],
    ["webm", bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], "webm")],
    ["mkv", bytes([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88], "matroska")],
  ])("recognises a %s video", (format, head) => {
    expect(sniffBytes(head)).toMatchObject({ kind: "video", format });
  });

  it.each([
    ["empty", bytes()],
    [
      "svg",
      bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
    ["svg", bytes("\xef\xbb\xbf  <svg onload=alert(1)>")],
    ["xml", bytes('<?xml version="1.0"?><feed/>')],
    ["html", bytes("<!DOCTYPE html><html><body>hi</body></html>")],
    ["html", bytes("\n\n  <script>alert(1)</script>")],
    ["pdf", bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3")],
    ["tiff", bytes("II*\0", [8, 0, 0, 0])],
    ["tiff", bytes("MM\0*", [0, 0, 0, 8])],
    ["zip", bytes("PK\x03\x04", [20, 0, 0, 0])],
    ["gzip", bytes([0x1f, 0x8b, 0x08, 0x00])],
    ["archive", bytes("7z\xbc\xaf\x27\x1c")],
    ["playlist", bytes("#EXTM3U\n#EXTINF:10,\nfile:///etc/passwd\n")],
    ["playlist", bytes("file:///etc/passwd\n")],
    ["ffconcat", bytes("ffconcat version 1.0\nfile '/etc/passwd'\n")],
    ["bmp", bytes("BM", [0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0])],
    ["psd", bytes("8BPS", [0, 1, 0, 0, 0, 0, 0, 0])],
    ["ico", bytes([0, 0, 1, 0, 1, 0, 16, 16])],
    ["jpeg2000", ftyp("jp2 ", "jp2 ")],
    ["audio", ftyp("M4A ", "M4A ", "mp42", "isom")],
    ["executable", bytes([0x7f], "ELF", [2, 1, 1, 0])],
    ["text", bytes("Just some notes about wallpapers.\n")],
    ["text", bytes("BMW wallpapers list\n")],
    ["unknown", bytes([0x00, 0x13, 0x37, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01])],
  ])("names the rejected family %s", (family, head) => {
    expect(sniffBytes(head)).toEqual({ kind: "rejected", family });
  });

  it("decides on the bytes alone: a JPEG with HTML appended is a JPEG", () => {
    const polyglot = bytes(
      [0xff, 0xd8, 0xff, 0xe0],
      "\0\x10JFIF\0",
      [0xff, 0xd9],
      "<html><script>x</script>",
    );
    expect(sniffBytes(polyglot)).toMatchObject({ kind: "image", format: "jpeg", mimeType: "image/jpeg" });
  });

  it("does not trust an ftyp box whose size runs past the bytes read", () => {
    const head = bytes([0xff, 0xff, 0xff, 0xff], "ftypisom", [0, 0, 0, 0], "avc1");
    expect(sniffBytes(head)).toMatchObject({ kind: "video", format: "mp4" });
  });
});
