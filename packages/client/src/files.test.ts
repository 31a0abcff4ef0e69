import { describe, expect, it } from "vitest";
import { guessMimeType, isWallpaperFile } from "./files.ts";

describe("wallpaper file selection", () => {
  it("accepts image and video extensions in any case", () => {
    expect(isWallpaperFile("a/b/Elephants_3840x2160.JPG")).toBe(true);
    expect(isWallpaperFile("adwaita-d.webp")).toBe(true);
    expect(isWallpaperFile("clip.MOV")).toBe(true);
  });

  it("skips documents, vector images and files without an extension", () => {
    expect(isWallpaperFile("notes.txt")).toBe(false);
    expect(isWallpaperFile("logo.svg")).toBe(false);
    expect(isWallpaperFile("scan.pdf")).toBe(false);
    expect(isWallpaperFile("README")).toBe(false);
    expect(isWallpaperFile(".jpg.bak")).toBe(false);
  });

  it("guesses a content type only as a hint", () => {
    expect(guessMimeType("x.jpeg")).toBe("image/jpeg");
    expect(guessMimeType("x.webm")).toBe("video/webm");
    expect(guessMimeType("x.bin")).toBeUndefined();
  });
});
