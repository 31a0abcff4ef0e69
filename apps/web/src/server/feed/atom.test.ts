import { describe, expect, it } from "vitest";
import { atomFeed, escapeXml, previewPath } from "./atom.ts";

const card = {
  id: "0b7e6a3e-1f1c-4a8e-8b1e-2f6c1d9a0e11",
  mediaType: "image" as const,
  width: 3840,
  height: 2160,
  aspectName: "16:9",
  createdAt: new Date("2026-03-01T10:00:00.123Z"),
  variants: [{ kind: "preview", format: "avif", url: "/media/x/preview.avif?v=1" }],
};

describe("atom", () => {
  it("escapes every markup character, quotes included", () => {
    expect(escapeXml(`<b a="1" b='2'>&amp;]]></b>`)).toBe(
      "&#60;b a=&#34;1&#34; b=&#39;2&#39;&#62;&#38;amp;]]&#62;&#60;/b&#62;",
    );
  });

  it("drops characters XML cannot carry and keeps the rest of the text", () => {
    const xml = atomFeed(
      { title: "a\u0000b\u001fc\ud800d😀", selfUrl: "https://x/feed", pageUrl: "https://x/", cards: [] },
      "https://x",
    );
    expect(xml).toContain("<title>abcd😀</title>");
    expect(xml).toContain("<updated>1970-01-01T00:00:00.000Z</updated>");
  });

  it("points each entry at the page and at a JPEG preview every reader decodes", () => {
    expect(previewPath(card)).toBe(`/media/${card.id}/preview.jpeg`);
    expect(
      previewPath({ ...card, variants: [{ kind: "preview", format: "jpeg", url: "/stored.jpeg?v=2" }] }),
    ).toBe("/stored.jpeg?v=2");
    const xml = atomFeed(
      { title: "t", selfUrl: "https://x/feed", pageUrl: "https://x/", cards: [card] },
      "https://x",
    );
    expect(xml).toContain(`<link rel="alternate" type="text/html" href="https://x/wallpapers/${card.id}"/>`);
    expect(xml).toContain(
      `<link rel="enclosure" type="image/jpeg" href="https://x/media/${card.id}/preview.jpeg"/>`,
    );
    expect(xml).toContain("<title>Wallpaper 3840×2160 (16:9)</title>");
    expect(xml).toContain("<updated>2026-03-01T10:00:00.123Z</updated>");
  });
});
