import { describe, expect, it } from "vitest";
import { linkedTagNames, parseTagMarkup } from "./markup.ts";

const id = "0b9c6f7e-3a1d-4c2b-9e8f-1a2b3c4d5e6f";

describe("tag description markup", () => {
  it("links tags (normalized, with an optional label) and wallpapers; keeps the rest as text", () => {
    expect(parseTagMarkup(`Snow on [[Snowy Peak]] and [[sky|the sky]], see wallpaper #${id}.`)).toEqual([
      [
        { kind: "text", text: "Snow on " },
        { kind: "tag", name: "snowy_peak", label: "Snowy Peak" },
        { kind: "text", text: " and " },
        { kind: "tag", name: "sky", label: "the sky" },
        { kind: "text", text: ", see " },
        { kind: "wallpaper", id, label: `wallpaper #${id}` },
        { kind: "text", text: "." },
      ],
    ]);
  });

  it("splits paragraphs on blank lines and keeps single line breaks", () => {
    expect(parseTagMarkup("one\ntwo\r\n\r\n\n three\n")).toEqual([
      [{ kind: "text", text: "one" }, { kind: "break" }, { kind: "text", text: "two" }],
      [{ kind: "text", text: " three" }],
    ]);
    expect(parseTagMarkup("  \n\n ")).toEqual([]);
  });

  it("never produces markup or a link to anything but a tag page or a wallpaper", () => {
    const hostile = `<script>alert(1)</script> [[<img src=x onerror=alert(1)>]] [[javascript:alert(1)]] [[a|<b>x</b>]] wallpaper #not-a-uuid`;
    const [paragraph] = parseTagMarkup(hostile);
    const links = (paragraph ?? []).filter((inline) => inline.kind !== "text");
    // The first two names hold characters no tag name may hold, so they stay text.
    expect(links).toEqual([{ kind: "tag", name: "a", label: "<b>x</b>" }]);
    const text = (paragraph ?? []).map((inline) => (inline.kind === "text" ? inline.text : "")).join("");
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain("[[javascript:alert(1)]]");
  });

  it("leaves unclosed and empty brackets alone and lists linked names once", () => {
    const parsed = parseTagMarkup("[[ ]] [[open [[sky]] [[Sky]]");
    expect(linkedTagNames(parsed)).toEqual(["sky"]);
    expect(parsed[0]?.[0]).toEqual({ kind: "text", text: "[[ ]] [[open " });
  });
});
