import { describe, expect, it } from "vitest";
import { componentNames, selectComponents } from "./registry.ts";

describe("selectComponents", () => {
  it("runs every component when WORKERS is unset or empty", () => {
    expect(selectComponents(undefined)).toEqual([...componentNames]);
    expect(selectComponents(" , ")).toEqual([...componentNames]);
  });

  it("keeps the named components once each", () => {
    expect(selectComponents("ping, relay,ping")).toEqual(["ping", "relay"]);
  });

  it("names unknown components and the valid ones", () => {
    expect(() => selectComponents("relay,pong")).toThrow(
      /unknown component\(s\): pong\. Valid components: relay, reconcile, ping, poster, variants, variants-video, quality, color/,
    );
  });
});
