import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { configureSharp } from "../src/configure-sharp.ts";
import { scriptedSvg } from "./crafted-files.ts";

const canvas = () => sharp({ create: { width: 32, height: 24, channels: 3, background: "#3a6" } });

describe("configureSharp", () => {
  let tiff: Buffer;
  beforeAll(async () => {
    // Encoders are not blocked, so fixtures can still be made after the lock-down.
    tiff = await canvas().tiff().toBuffer();
    configureSharp();
  });

  it("is idempotent", () => {
    expect(configureSharp()).toBe(configureSharp({ concurrency: 99 }));
  });

  it.each([
    ["TIFF", () => tiff],
    ["SVG with a script", () => scriptedSvg],
  ])("makes sharp itself refuse to decode %s", async (_name, input) => {
    await expect(sharp(input()).metadata()).rejects.toThrow(/unsupported image format/);
    await expect(sharp(input()).png().toBuffer()).rejects.toThrow(/unsupported image format/);
  });

  it.each(["jpeg", "png", "webp", "avif", "gif"] as const)("still decodes %s", async (format) => {
    const encoded = await canvas().toFormat(format).toBuffer();
    const { info } = await sharp(encoded).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([32, 24]);
  });
});
