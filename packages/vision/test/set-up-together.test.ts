import { describe, expect, it } from "vitest";
import { loadHuman } from "../src/detect/human-model.ts";
import { tf, useVisionRuntime } from "../src/runtime.ts";

describe("the process's model set-ups", () => {
  // A worker running classify and detect gets their first events together: both tfjs instances start
  // their WASM backends at once, which failed every time before the set-ups were queued.
  it("start together: the classify runtime and Human both come up on WASM", async () => {
    const [, human] = await Promise.all([useVisionRuntime(), loadHuman()]);
    expect(tf.getBackend()).toBe("wasm");
    expect(human.models.loaded()).toEqual(expect.arrayContaining(["centernet", "blazeface"]));
  }, 60_000);
});
