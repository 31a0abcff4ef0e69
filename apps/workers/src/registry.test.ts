import { describe, expect, it } from "vitest";
import { componentNames, selectComponents } from "./registry.ts";

describe("selectComponents", () => {
  it("runs every component when WORKERS is unset or empty", () => {
    expect(selectComponents(undefined)).toEqual([...componentNames]);
    expect(selectComponents(" , ")).toEqual([...componentNames]);
  });

  it("keeps the named components once each", () => {
    expect(selectComponents("color, relay,color")).toEqual(["color", "relay"]);
  });

  it("names unknown components and the valid ones", () => {
    expect(() => selectComponents("relay,colour")).toThrow(
      /unknown component\(s\): colour\. Valid components: relay, reconcile, popularity, poster, variants, variants-video, quality, color/,
    );
  });
});
