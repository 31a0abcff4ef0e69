import { stepNeeds, triggerOf } from "@wallpaperdb/pipeline";
import { describe, expect, it } from "vitest";
import { consumerComponents } from "./registry.ts";

describe("the pipeline's consumers", () => {
  it("consume the event that triggers each step, for every media type that needs it", () => {
    for (const { step, mediaType } of stepNeeds) {
      // A step may have one component per triggering event (`variants`, `variants-video`).
      const consumed = Object.entries(consumerComponents)
        .filter(([name]) => name === step || name.startsWith(`${step}-`))
        .flatMap(([, component]) => component.types as readonly string[]);
      expect(consumed, `${step} of a ${mediaType}`).toContain(triggerOf(mediaType, step));
    }
  });
});
